"use client";

import { type ComponentProps, lazy, Suspense } from "react";
import type { Toaster } from "@/components/ui/sonner";
import { useToasterWanted } from "@/lib/toast";

const ReadyToaster = lazy(() => import("./ready-toaster").then((module) => ({ default: module.ReadyToaster })));

/** The Toaster, mounted (and sonner loaded) when the first toast is shown (lib/toast.ts). */
export function ToasterHost(props: ComponentProps<typeof Toaster>) {
  const wanted = useToasterWanted();
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ReadyToaster {...props} />
    </Suspense>
  );
}
