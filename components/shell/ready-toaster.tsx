"use client";

import { type ComponentProps, useEffect } from "react";
import { Toaster } from "@/components/ui/sonner";
import { toasterReady } from "@/lib/toast";

/**
 * sonner's Toaster, telling lib/toast.ts when it listens. This effect runs after the Toaster's own (a child's effects
 * run first), i.e. once it has subscribed to new toasts: toasts published earlier would be lost.
 */
export function ReadyToaster(props: ComponentProps<typeof Toaster>) {
  useEffect(() => toasterReady(), []);
  return <Toaster {...props} />;
}
