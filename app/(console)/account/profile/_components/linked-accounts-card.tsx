"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { ConfirmAction } from "@/components/confirm-action";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { formatDay } from "@/lib/dates";
import { toast } from "@/lib/toast";

const SetPasswordDialog = lazyDialog(() => import("./set-password-form").then((module) => module.SetPasswordForm));

export interface LinkedAccountRow {
  id: string;
  providerId: string;
  accountId: string;
  createdAt: Date;
}

interface LinkedAccountsCardProps {
  accounts: LinkedAccountRow[];
  /** The providers configured on this console (id and name). */
  providers: Array<{ id: string; name: string }>;
  /** Ways in besides these accounts (passkeys): unlinking may leave only those. */
  passkeys: number;
  /** Why linking came back refused (`?error=`), in words. */
  linkError: string | null;
}

/** How the account signs in: its password and linked providers; link another, unlink one, set a first password. */
export function LinkedAccountsCard({ accounts, providers, passkeys, linkError }: LinkedAccountsCardProps) {
  const router = useRouter();
  const stepUp = useStepUp();
  const [error, setError] = useState<string | null>(linkError);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => (id === "credential" ? "Email and password" : (names.get(id) ?? id));
  const hasPassword = accounts.some((a) => a.providerId === "credential");
  const unlinked = providers.filter((p) => !accounts.some((a) => a.providerId === p.id));
  const last = accounts.length <= 1;

  async function link(provider: string) {
    setError(null);
    const client = await loadAuthClient();
    // A new way in needs a fresh sign-in; then better-auth sends the browser to the provider and back here.
    const result = await stepUp(async () =>
      fromAuth(
        await client.linkSocial({
          provider,
          callbackURL: "/account/profile?linked=1",
          errorCallbackURL: "/account/profile",
        }),
      ),
    );
    if (!result.ok) setError(result.error);
  }

  async function unlink(account: LinkedAccountRow) {
    const client = await loadAuthClient();
    return fromAuth(
      await client.unlinkAccount({ accountId: account.id }),
      `${nameOf(account.providerId)} no longer signs you in.`,
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Sign-in methods</h2>
        </CardTitle>
        <CardDescription>
          Your password and the accounts you sign in with. A provider account is linked only with your own, verified
          address.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {error ? (
          <p role="alert" className="text-destructive text-sm" data-testid="link-error">
            {error}
          </p>
        ) : null}
        <ul aria-label="Sign-in methods" className="divide-y">
          {accounts.map((account) => (
            <li key={account.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="grid gap-0.5">
                <p className="font-medium text-sm">{nameOf(account.providerId)}</p>
                <p className="text-muted-foreground text-xs">Since {formatDay(account.createdAt)}</p>
              </div>
              {last ? (
                <span className="text-muted-foreground text-xs">
                  {passkeys > 0 ? "Your only account to sign in with" : "Your only way to sign in"}
                </span>
              ) : account.providerId === "credential" ? null : (
                <ConfirmAction
                  destructive
                  variant="outline"
                  triggerLabel={`Unlink ${nameOf(account.providerId)}`}
                  title={`Unlink ${nameOf(account.providerId)}?`}
                  description="You will no longer be able to sign in with it. You can link it again later."
                  confirmLabel="Unlink"
                  pendingLabel="Unlinking…"
                  action={() => unlink(account)}
                >
                  Unlink
                </ConfirmAction>
              )}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          {unlinked.map((provider) => (
            <Button key={provider.id} type="button" variant="outline" size="sm" onClick={() => link(provider.id)}>
              Link {provider.name}
            </Button>
          ))}
          {hasPassword ? null : (
            <SetPasswordDialog
              title="Set a password"
              description="Sign in with your email address and this password as well as your provider."
              trigger={
                <Button type="button" variant="outline" size="sm">
                  Set a password
                </Button>
              }
              onDone={() => {
                toast.success("Password set.");
                router.refresh();
              }}
            />
          )}
        </div>
      </CardContent>
    </Card>
  );
}
