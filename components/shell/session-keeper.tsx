"use client";

import { useEffect } from "react";

/** How often an open console renews the cache after the first time: within its 60 s (SESSION_COOKIE_CACHE_SECONDS). */
const RENEW_EVERY_MS = 45_000;

/**
 * Keeps better-auth's signed session cookie cache fresh while a console tab is in view, as Clerk's frontend renews its
 * one-minute session token. A page confirms the cache's claim on D1 in one call with its own reads
 * (lib/auth/server.ts); with no fresh cache it first waits on a get-session of its own, about 1.5 ms more CPU. The
 * get-session this sends also slides the session's expiry (better-auth's `updateAge`), so a console in use stays
 * signed in. `renewInMs`: when the server saw the cache due (0: it found none fresh).
 */
export function SessionKeeper({ renewInMs }: { renewInMs: number }) {
  useEffect(() => {
    let due = Date.now() + renewInMs;
    const tick = () => {
      if (document.visibilityState !== "visible" || Date.now() < due) return;
      due = Date.now() + RENEW_EVERY_MS;
      // From D1, which writes a new cache (a still-valid cache would only be read back, and expire unrenewed). Nothing
      // to show either way: a signed-out session is the next page's to send to /sign-in.
      fetch("/api/auth/get-session?disableCookieCache=true", { cache: "no-store" }).catch(() => {});
    };
    tick();
    const timer = window.setInterval(tick, 5_000);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [renewInMs]);
  return null;
}
