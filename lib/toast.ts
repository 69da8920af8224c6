"use client";

// Toasts without sonner in every page's first load (~9 KiB gzip): `toast.success` / `toast.error` load sonner and
// mount its Toaster (components/shell/toaster-host.tsx) the first time a toast is shown, then show it. Every toast in
// the console follows an action, so nothing needs sonner before that.
import { useSyncExternalStore } from "react";

type Kind = "success" | "error";

let wanted = false;
const listeners = new Set<() => void>();
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

function want() {
  if (wanted) return;
  wanted = true;
  for (const listener of listeners) listener();
}

async function show(kind: Kind, message: string) {
  want();
  const [{ toast: sonner }] = await Promise.all([import("sonner"), ready]);
  sonner[kind](message);
}

/** sonner's `toast.success` / `toast.error`, loading sonner on first use. */
export const toast = {
  success: (message: string) => void show("success", message),
  error: (message: string) => void show("error", message),
};

/** Whether a toast has been asked for, i.e. whether the Toaster must be mounted (for ToasterHost). */
export function useToasterWanted(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => wanted,
    () => false,
  );
}

/** Called once the Toaster listens: toasts asked for before then are shown now. */
export function toasterReady(): void {
  markReady();
}
