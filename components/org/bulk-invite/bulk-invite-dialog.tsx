"use client";

import { Users } from "lucide-react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";

// The form, its CSV reading and its result table load when the dialog first opens.
const BulkInviteFormDialog = lazyDialog(() => import("./bulk-invite-form").then((module) => module.BulkInviteForm));

export interface BulkInviteDialogProps {
  slug: string;
  /** Roles the caller may offer (the server checks each row again). */
  roles: readonly string[];
  teams: ReadonlyArray<{ id: string; name: string }>;
}

/** "Invite many" and its dialog: rows typed, pasted or loaded from a CSV, a dry run, then sending. */
export function BulkInviteDialog(props: BulkInviteDialogProps) {
  return (
    <BulkInviteFormDialog
      {...props}
      className="max-h-[90svh] overflow-y-auto sm:max-w-3xl"
      title="Invite many people"
      description="One invitation per line: email, role, team (role and team may be left empty). Check the rows before sending: nothing is sent until you do."
      trigger={
        <Button variant="outline">
          <Users aria-hidden /> Invite many
        </Button>
      }
    />
  );
}
