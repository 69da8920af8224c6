"use client";

import { VenetianMaskIcon } from "lucide-react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";

// The form (react-hook-form + zod) loads when the dialog opens, not with the user page.
const ImpersonateFormDialog = lazyDialog(() => import("./impersonate-form").then((module) => module.ImpersonateForm));

/** Asks why, then signs the operator in as this user (for at most an hour) and opens the console as them. */
export function ImpersonateDialog({ userId, userName }: { userId: string; userName: string }) {
  return (
    <ImpersonateFormDialog
      userId={userId}
      title={`Impersonate ${userName}`}
      description="You will see the console as they do for up to an hour. They are told by email, and the reason is recorded. Password, email, two-factor and account deletion stay out of reach."
      trigger={
        <Button variant="outline">
          <VenetianMaskIcon aria-hidden /> Impersonate
        </Button>
      }
    />
  );
}
