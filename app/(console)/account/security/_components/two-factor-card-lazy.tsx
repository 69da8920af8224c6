"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

// The two-factor card with its dialogs (password confirmations, the authenticator set-up, backup codes) as a chunk of
// its own: the server still renders it into the page, and the browser fetches its code while hydrating instead of
// with the page's first load (the security page stays under the 250 KiB first-load budget).
const TwoFactorCardImpl = lazy(() => import("./two-factor-card").then((module) => ({ default: module.TwoFactorCard })));

export function TwoFactorCard(props: ComponentProps<typeof TwoFactorCardImpl>) {
  return (
    <Suspense fallback={<Skeleton className="h-72 w-full rounded-xl" />}>
      <TwoFactorCardImpl {...props} />
    </Suspense>
  );
}
