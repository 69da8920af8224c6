"use client";

import { useEffect, useState } from "react";
import { Time } from "@/components/time/time";

/** When an invitation expires ("in 6 days"), red once it has; the text follows while the page stays open. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: Date }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (expiresAt.getTime() > now) return <Time value={expiresAt} />;
  return (
    <span className="font-medium text-destructive">
      Expired <Time value={expiresAt} />
    </span>
  );
}
