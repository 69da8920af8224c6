"use client";

import { ConfirmAction } from "@/components/confirm-action";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PasskeyItem } from "@/db/queries/passkeys";
import { removeUserPasskeyAction } from "@/lib/actions/users/remove-user-passkey";
import { formatUtc } from "@/lib/dates";

interface UserPasskeysCardProps {
  userId: string;
  email: string;
  passkeys: PasskeyItem[];
  /** The viewer may remove them (operators, not on another operator: lib/auth/flags.ts). */
  canRemove: boolean;
}

/** A user's passkeys as staff see them; operators remove a lost one (fresh sign-in, audited, mailed). */
export function UserPasskeysCard({ userId, email, passkeys, canRemove }: UserPasskeysCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Passkeys</CardTitle>
        <CardDescription>Each one signs them in and counts as their second factor.</CardDescription>
      </CardHeader>
      <CardContent>
        {passkeys.length === 0 ? (
          <p className="text-muted-foreground text-sm">No passkeys.</p>
        ) : (
          <ul aria-label="Their passkeys" className="divide-y">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                <div className="grid gap-0.5">
                  <p className="flex items-center gap-2 font-medium">
                    {passkey.label}
                    <Badge variant="secondary">{passkey.synced ? "Synced" : "This device only"}</Badge>
                  </p>
                  <p className="text-muted-foreground text-xs">
                    Added {passkey.createdAt ? formatUtc(passkey.createdAt) : "at an unknown time"} · last used{" "}
                    {passkey.lastUsedAt ? formatUtc(passkey.lastUsedAt) : "never"}
                  </p>
                </div>
                {canRemove ? (
                  <ConfirmAction
                    destructive
                    variant="outline"
                    triggerLabel={`Remove passkey ${passkey.label}`}
                    title="Remove this passkey?"
                    description={`${passkey.label} will no longer sign ${email} in. They are told by email. Do this only after checking who asks.`}
                    confirmLabel="Remove passkey"
                    pendingLabel="Removing…"
                    action={() => removeUserPasskeyAction({ userId, passkeyId: passkey.id })}
                  >
                    Remove
                  </ConfirmAction>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
