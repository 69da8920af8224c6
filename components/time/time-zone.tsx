"use client";

import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/time-zone";

const TimeZoneContext = createContext("UTC");

/** The zone every <Time> below writes local times in. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/**
 * Starts with the zone the server rendered with (from the cookie), so the first render in the browser matches it;
 * then, if the browser's zone is another, remembers it in the cookie for the next request and re-renders in it.
 */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const [zone, setZone] = useState(timeZone);
  useEffect(() => {
    const browserZone = validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (browserZone === timeZone) return;
    // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the Cookie Store API is not in every browser
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browserZone)}; path=/; max-age=31536000; samesite=lax`;
    setZone(browserZone);
  }, [timeZone]);
  return <TimeZoneContext value={zone}>{children}</TimeZoneContext>;
}
