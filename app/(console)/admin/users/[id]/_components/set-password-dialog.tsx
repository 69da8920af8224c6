"use client";

import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";

// The form (react-hook-form + zod) loads when the dialog opens, not with the user page.
const SetPasswordFormDialog = lazyDialog(() => import("./set-password-form").then((module) => module.SetPasswordForm));

/** Sets a new password for a user (their sessions are kept; tell them through a channel you trust). */
export function SetPasswordDialog({ userId, email }: { userId: string; email: string }) {
  return (
    <SetPasswordFormDialog
      userId={userId}
      title={`Set a password for ${email}`}
      description="Prefer asking them to use “Forgot password”: then nobody else knows it."
      trigger={<Button variant="outline">Set password</Button>}
    />
  );
}
