"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";

// The passkey buttons (their dialogs, the confirmation, the WebAuthn client behind them) as chunks of their own: the
// server renders the list, and the browser fetches these while hydrating, not with the page's first load (the
// security page stays under the 250 KiB first-load budget).
const AddPasskeyButtonImpl = lazy(() =>
  import("./add-passkey-button").then((module) => ({ default: module.AddPasskeyButton })),
);
const PasskeyActionsImpl = lazy(() =>
  import("./passkey-actions").then((module) => ({ default: module.PasskeyActions })),
);

export function AddPasskeyButton() {
  return (
    <Suspense fallback={<Skeleton className="h-8 w-28" />}>
      <AddPasskeyButtonImpl />
    </Suspense>
  );
}

export function PasskeyActions(props: ComponentProps<typeof PasskeyActionsImpl>) {
  return (
    <Suspense fallback={<Skeleton className="h-8 w-36" />}>
      <PasskeyActionsImpl {...props} />
    </Suspense>
  );
}
