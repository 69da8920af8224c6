"use client";

import { lazy, Suspense } from "react";

// Its form (react-hook-form + zod, ~40 KiB gzip) loads when someone opens it, not with every console page.
const CreateOrganizationDialog = lazy(() =>
  import("./create-organization-dialog").then((module) => ({ default: module.CreateOrganizationDialog })),
);

/** The "Create organization" dialog, loaded when first opened (the organization switcher and the palette open it). */
export function CreateOrganizationLauncher({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <CreateOrganizationDialog open onOpenChange={onOpenChange} />
    </Suspense>
  );
}
