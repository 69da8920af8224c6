"use client";

import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";

// The form (react-hook-form + zod) loads when the dialog opens, not with the user page.
const DeleteUserFormDialog = lazyDialog(() => import("./delete-user-form").then((module) => module.DeleteUserForm));

/** Deletes a user after their email address is typed back: sessions, accounts and memberships go with them. */
export function DeleteUserDialog({ userId, email }: { userId: string; email: string }) {
  return (
    <DeleteUserFormDialog
      userId={userId}
      email={email}
      title={`Delete ${email}?`}
      description="Their account, sessions and memberships are removed for good. This cannot be undone."
      trigger={<Button variant="destructive">Delete user</Button>}
    />
  );
}
