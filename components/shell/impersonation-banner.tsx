"use client";

import { VenetianMaskIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { formatRemaining } from "@/lib/dates";
import { toast } from "@/lib/toast";

interface ImpersonationBannerProps {
  impersonatorName: string;
  userId: string;
  userName: string;
  userEmail: string;
  /** ISO time the impersonation session ends (at most an hour after it began). */
  expiresAt: string;
}

/**
 * On every console page while staff see as someone, stuck to the top as the page scrolls: who, as whom, that it is
 * read-only, how long is left, and Stop.
 */
export function ImpersonationBanner({
  impersonatorName,
  userId,
  userName,
  userEmail,
  expiresAt,
}: ImpersonationBannerProps) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState<number | null>(null);
  const [stopping, setStopping] = useState(false);

  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  async function stop() {
    setStopping(true);
    const authClient = await loadAuthClient();
    const result = await fromAuth(await authClient.admin.stopImpersonating());
    if (!result.ok) {
      setStopping(false);
      // The hour is over or the session was ended: the operator's own session needs a fresh sign-in.
      toast.error(result.error);
      window.location.assign("/sign-in");
      return;
    }
    // A full load so every server component renders for the operator's own session again.
    window.location.assign(`/admin/users/${userId}`);
  }

  const remaining = now === null ? null : end - now;
  return (
    <section
      aria-label="Impersonation"
      className="sticky top-0 z-40 flex flex-wrap items-center gap-x-4 gap-y-2 border-amber-300 border-b bg-amber-100 px-4 py-2 text-amber-950 text-sm dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <VenetianMaskIcon className="size-4 shrink-0" aria-hidden />
      <p className="min-w-0 flex-1" data-testid="impersonation-banner">
        <strong>{impersonatorName}</strong> is impersonating <strong>{userName}</strong> ({userEmail}). Read-only: you
        can look around, not change anything.{" "}
        <span className="tabular-nums">
          {remaining === null ? "" : remaining > 0 ? `${formatRemaining(remaining)} left.` : "Time is up."}
        </span>
      </p>
      <Button size="sm" variant="outline" onClick={stop} disabled={stopping} aria-busy={stopping}>
        {stopping ? <Spinner /> : null} Stop impersonating
      </Button>
    </section>
  );
}
