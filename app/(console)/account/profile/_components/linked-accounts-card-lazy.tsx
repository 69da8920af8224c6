"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

// The sign-in methods card (link, unlink, set a password) as a chunk of its own: rendered on the server, its code
// fetched while hydrating rather than with the profile page's first load (which stays under its 250 KiB budget).
const LinkedAccountsCardImpl = lazy(() =>
  import("./linked-accounts-card").then((module) => ({ default: module.LinkedAccountsCard })),
);

export function LinkedAccountsCard(props: ComponentProps<typeof LinkedAccountsCardImpl>) {
  return (
    <Suspense fallback={<Skeleton className="h-56 w-full rounded-xl" />}>
      <LinkedAccountsCardImpl {...props} />
    </Suspense>
  );
}
