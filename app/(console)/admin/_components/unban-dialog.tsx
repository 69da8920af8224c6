"use client";

import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";

const UnbanFormDialog = lazyDialog(() => import("./unban-form").then((module) => module.UnbanForm));

/** "Unban user": asks for an optional reason, then lifts the ban. */
export function UnbanDialog({ userId, email, onSuccess }: { userId: string; email: string; onSuccess?: () => void }) {
  return (
    <UnbanFormDialog
      userId={userId}
      onSuccess={onSuccess}
      title={`Unban ${email}?`}
      description="They can sign in again at once."
      trigger={<Button variant="outline">Unban user</Button>}
    />
  );
}
