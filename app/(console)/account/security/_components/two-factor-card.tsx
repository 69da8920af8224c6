"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Badge } from "@/components/ui/badge";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { EnableTotpDialog } from "./enable-totp-dialog";

// The password forms (react-hook-form, zod) load when their dialog first opens, not with the card.
const PasswordDialog = lazyDialog(() =>
  import("@/components/account/password-confirm-form").then((module) => module.PasswordConfirmForm),
);
const RegenerateCodesDialog = lazyDialog(() => import("./regenerate-codes").then((module) => module.RegenerateCodes));

interface TwoFactorCardProps {
  /** Two-factor is on for the account (with an authenticator app, email codes, or both). */
  enabled: boolean;
  /** An authenticator app is set up (and with it, backup codes). */
  totp: boolean;
}

function Row({ title, detail, children }: { title: string; detail: string; children?: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="grid gap-0.5">
        <p className="font-medium text-sm">{title}</p>
        <p className="text-muted-foreground text-xs">{detail}</p>
      </div>
      <div className="flex flex-wrap gap-2">{children}</div>
    </li>
  );
}

/** A row's button that opens its dialog (a dialog trigger: the props it is given reach the button). */
function RowButton(props: ButtonProps) {
  return <Button variant="outline" size="sm" {...props} />;
}

/** Two-factor status and its changes: authenticator app, email codes, backup codes, turning it off. */
export function TwoFactorCard({ enabled, totp }: TwoFactorCardProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"otp" | "backup" | "disable" | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  function close() {
    setDialog(null);
    setCodes(null);
  }

  async function enableEmailCodes(password: string) {
    const { twoFactor } = await loadAuthClient();
    return fromAuth(
      await twoFactor.enable({ password, method: "otp" }),
      "Two-factor authentication is on: we will email you a code at each sign-in.",
    );
  }

  async function disable(password: string) {
    const { twoFactor } = await loadAuthClient();
    return fromAuth(await twoFactor.disable({ password }), "Two-factor authentication is off.");
  }

  function done() {
    close();
    router.refresh();
  }

  const openDialog = (name: typeof dialog) => (open: boolean) => (open ? setDialog(name) : close());

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <h2>Two-factor authentication</h2>
          <Badge variant={enabled ? "default" : "outline"} data-testid="two-factor-status">
            {enabled ? "On" : "Off"}
          </Badge>
        </CardTitle>
        <CardDescription>
          After your password, sign-in asks for a code from your authenticator app or your email.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          <Row
            title="Authenticator app"
            detail={totp ? "Set up. Codes from the app sign you in." : "Not set up. Recommended: works offline."}
          >
            {totp ? null : <EnableTotpDialog onDone={() => router.refresh()} />}
          </Row>
          <Row
            title="Email codes"
            detail={
              enabled
                ? "Available at sign-in: we email a one-time code to your address."
                : "Use a code sent to your email instead of an app."
            }
          >
            {enabled ? null : (
              <PasswordDialog
                open={dialog === "otp"}
                onOpenChange={openDialog("otp")}
                trigger={<RowButton>Use email codes</RowButton>}
                title="Turn on email codes"
                description="Each sign-in will ask for a code we email to you."
                submitLabel="Turn on"
                pendingLabel="Turning on…"
                action={enableEmailCodes}
                onSuccess={done}
              />
            )}
          </Row>
          {totp ? (
            <Row title="Backup codes" detail="One-time codes for when your authenticator app is not at hand.">
              <RegenerateCodesDialog
                open={dialog === "backup"}
                onOpenChange={openDialog("backup")}
                trigger={<RowButton>Regenerate backup codes</RowButton>}
                title="New backup codes"
                description={codes ? "Your old codes no longer work." : "New codes replace all of your current ones."}
                codes={codes}
                onCodes={setCodes}
              />
            </Row>
          ) : null}
          {enabled ? (
            <Row title="Turn off" detail="Sign-in will ask for your password only.">
              <PasswordDialog
                open={dialog === "disable"}
                onOpenChange={openDialog("disable")}
                trigger={<RowButton>Turn off two-factor</RowButton>}
                title="Turn off two-factor authentication?"
                description="Your authenticator app, backup codes and trusted devices stop working for this account."
                submitLabel="Turn off"
                pendingLabel="Turning off…"
                variant="destructive"
                action={disable}
                onSuccess={done}
              />
            </Row>
          ) : null}
        </ul>
      </CardContent>
    </Card>
  );
}
