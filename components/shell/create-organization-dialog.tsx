"use client";

import { lazyDialog } from "@/components/forms/lazy-dialog";
import { preloadOrganizationWrites } from "@/lib/organization/writes";

// The form (react-hook-form + zod) loads when the dialog first opens; better-auth's client starts loading with it.
const CreateOrganizationFormDialog = lazyDialog(() => {
  preloadOrganizationWrites();
  return import("./create-organization-form").then((module) => module.CreateOrganizationForm);
});

interface CreateOrganizationDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Creates an organization whose owner is the one creating it. */
export function CreateOrganizationDialog({ open, onOpenChange }: CreateOrganizationDialogProps) {
  return (
    <CreateOrganizationFormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create organization"
      description="You will be its owner. You can invite people next."
    />
  );
}
