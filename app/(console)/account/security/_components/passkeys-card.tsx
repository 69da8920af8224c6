import { KeyRound } from "lucide-react";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PasskeyItem } from "@/db/queries/passkeys";
import { AddPasskeyButton, PasskeyActions } from "./passkey-controls-lazy";

/** A time as every page shows one (components/time): relative, exact UTC and local time on hover and focus. */
function When({ date }: { date: Date; now?: Date }) {
  return <Time value={date} />;
}

/** The account's passkeys: sign in without a password, and confirm it's you with a fingerprint, face or PIN. */
export function PasskeysCard({ passkeys, now }: { passkeys: PasskeyItem[]; now: Date }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Passkeys</h2>
        </CardTitle>
        <CardDescription>
          Sign in with your fingerprint, face or device PIN instead of a password. A passkey also counts as your second
          factor and confirms it's you before sensitive changes.
        </CardDescription>
        <CardAction>
          <AddPasskeyButton />
        </CardAction>
      </CardHeader>
      <CardContent>
        {passkeys.length === 0 ? (
          <div className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
            <KeyRound className="mx-auto mb-2 size-6" aria-hidden />
            No passkeys yet. Add one to sign in without typing your password.
          </div>
        ) : (
          <ul aria-label="Passkeys" className="divide-y">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="grid gap-0.5">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-sm">
                    {passkey.label}
                    <Badge variant="secondary">{passkey.synced ? "Synced" : "This device only"}</Badge>
                  </p>
                  <p className="text-muted-foreground text-xs">
                    {passkey.createdAt ? (
                      <>
                        Added <When date={passkey.createdAt} now={now} />
                      </>
                    ) : (
                      "Added"
                    )}{" "}
                    ·{" "}
                    {passkey.lastUsedAt ? (
                      <>
                        last used <When date={passkey.lastUsedAt} now={now} />
                      </>
                    ) : (
                      "never used"
                    )}
                  </p>
                </div>
                <PasskeyActions id={passkey.id} label={passkey.label} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
