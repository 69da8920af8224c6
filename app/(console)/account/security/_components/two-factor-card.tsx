"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { BackupCodes } from "@/components/account/backup-codes";
import { PasswordConfirmForm } from "@/components/account/password-confirm-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { EnableTotpDialog } from "./enable-totp-dialog";
import { passwordOutcome } from "./password-outcome";

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
    const { error } = await (await loadAuthClient()).twoFactor.enable({ password, method: "otp" });
    if (!error) {
      toast.success("Two-factor authentication is on: we will email you a code at each sign-in.");
      close();
      router.refresh();
    }
    return passwordOutcome(error);
  }

  async function regenerate(password: string) {
    const { data, error } = await (await loadAuthClient()).twoFactor.generateBackupCodes({ password });
    if (data) {
      setCodes(data.backupCodes);
      toast.success("New backup codes issued. The old ones no longer work.");
    }
    return passwordOutcome(error);
  }

  async function disable(password: string) {
    const { error } = await (await loadAuthClient()).twoFactor.disable({ password });
    if (!error) {
      toast.success("Two-factor authentication is off.");
      close();
      router.refresh();
    }
    return passwordOutcome(error);
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
              <Dialog open={dialog === "otp"} onOpenChange={openDialog("otp")}>
                <DialogTrigger asChild>
                  <Button variant="outline" size="sm">
                    Use email codes
                  </Button>
                </DialogTrigger>
                <DialogContent>
                  <DialogHeader>
                    <DialogTitle>Turn on email codes</DialogTitle>
                    <DialogDescription>Each sign-in will ask for a code we email to you.</DialogDescription>
                  </DialogHeader>
                  <PasswordConfirmForm submitLabel="Turn on" pendingLabel="Turning on…" onConfirm={enableEmailCodes} />
                </DialogContent>
              </Dialog>
            )}
          </Row>
          {totp ? (
            <Row title="Backup codes" detail="One-time codes for when your authenticator app is not at hand.">
              <Dialog open={dialog === "backup"} onOpenChange={openDialog("backup")}>
                <DialogTrigger asChild>
                  <Button variant="outline" size="sm">
                    Regenerate backup codes
                  </Button>
                </DialogTrigger>
                <DialogContent>
                  <DialogHeader>
                    <DialogTitle>New backup codes</DialogTitle>
                    <DialogDescription>
                      {codes ? "Your old codes no longer work." : "New codes replace all of your current ones."}
                    </DialogDescription>
                  </DialogHeader>
                  {codes ? (
                    <>
                      <BackupCodes codes={codes} />
                      <div className="flex justify-end">
                        <Button onClick={close}>Done</Button>
                      </div>
                    </>
                  ) : (
                    <PasswordConfirmForm submitLabel="Issue new codes" pendingLabel="Issuing…" onConfirm={regenerate} />
                  )}
                </DialogContent>
              </Dialog>
            </Row>
          ) : null}
          {enabled ? (
            <Row title="Turn off" detail="Sign-in will ask for your password only.">
              <Dialog open={dialog === "disable"} onOpenChange={openDialog("disable")}>
                <DialogTrigger asChild>
                  <Button variant="outline" size="sm">
                    Turn off two-factor
                  </Button>
                </DialogTrigger>
                <DialogContent>
                  <DialogHeader>
                    <DialogTitle>Turn off two-factor authentication?</DialogTitle>
                    <DialogDescription>
                      Your authenticator app, backup codes and trusted devices stop working for this account.
                    </DialogDescription>
                  </DialogHeader>
                  <PasswordConfirmForm
                    submitLabel="Turn off"
                    pendingLabel="Turning off…"
                    variant="destructive"
                    onConfirm={disable}
                  />
                </DialogContent>
              </Dialog>
            </Row>
          ) : null}
        </ul>
      </CardContent>
    </Card>
  );
}
