"use client";

import { CheckCircle2Icon, XCircleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { UserRow } from "@/db/queries/users";
import type { BulkRowResult } from "@/lib/actions/users/bulk-users";

export type BulkKind = "ban" | "unban" | "revoke-sessions";

const VERBS: Record<BulkKind, { title: string; action: string; description: string }> = {
  ban: { title: "Ban", action: "Ban", description: "" },
  unban: { title: "Unban", action: "Unban", description: "They can sign in again at once." },
  "revoke-sessions": {
    title: "Sign out",
    action: "Sign out",
    description: "Every session they have is ended; they stay able to sign in again.",
  },
};

function who(users: UserRow[]) {
  return users.length === 1 ? (users[0]?.email ?? "1 user") : `${users.length} users`;
}

/** "Sign out 3 users?" / "Unban ada@example.com?": what the confirmation before a bulk or row action asks. */
export function bulkConfirmation(kind: Exclude<BulkKind, "ban">, users: UserRow[]) {
  const verbs = VERBS[kind];
  return { title: `${verbs.title} ${who(users)}?`, description: verbs.description, confirmLabel: verbs.action };
}

/** "Ban ada@example.com" / "Ban 3 users": the ban dialog's title. */
export function banTitle(users: UserRow[]) {
  return users.length === 1 ? `Ban ${users[0]?.email}` : `Ban ${users.length} users`;
}

interface BulkResultsDialogProps {
  results: { kind: BulkKind; rows: BulkRowResult[] } | null;
  onClose: () => void;
}

/** What happened to each selected user: one refusal (e.g. an operator) does not hide the others' success. */
export function BulkResultsDialog({ results, onClose }: BulkResultsDialogProps) {
  const done = results?.rows.filter((row) => row.ok).length ?? 0;
  return (
    <Dialog open={results !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {results ? VERBS[results.kind].title : ""}: {done} of {results?.rows.length ?? 0} done
          </DialogTitle>
          <DialogDescription>The result for each selected user.</DialogDescription>
        </DialogHeader>
        <ul className="grid max-h-80 gap-2 overflow-auto text-sm" aria-label="Results">
          {results?.rows.map((row) => (
            <li key={row.userId} className="flex items-start gap-2">
              {row.ok ? (
                <CheckCircle2Icon className="mt-0.5 size-4 text-emerald-600" aria-label="Done" />
              ) : (
                <XCircleIcon className="mt-0.5 size-4 text-destructive" aria-label="Refused" />
              )}
              <span className="min-w-0">
                <span className="font-medium">{row.email}</span>
                <span className="text-muted-foreground"> — {row.message}</span>
              </span>
            </li>
          ))}
        </ul>
        <DialogFooter>
          <Button onClick={onClose}>Close</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
