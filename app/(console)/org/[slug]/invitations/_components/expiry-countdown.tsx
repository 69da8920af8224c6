"use client";

import { useEffect, useState } from "react";

/** "in 1 d 23 h", "in 42 min", "expired": how long until a moment, kept current while the page is open. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return "Expired";
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `in ${hours} h ${minutes % 60} min`;
  return `in ${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A live countdown to an expiry date. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: Date }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const remaining = expiresAt.getTime() - now;
  return (
    <time
      dateTime={expiresAt.toISOString()}
      title={expiresAt.toLocaleString("en")}
      className={remaining <= 0 ? "font-medium text-destructive" : undefined}
      suppressHydrationWarning
    >
      {formatRemaining(remaining)}
    </time>
  );
}
