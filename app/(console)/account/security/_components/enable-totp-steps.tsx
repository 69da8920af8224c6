"use client";

import { BackupCodes } from "@/components/account/backup-codes";
import { PasswordConfirmForm } from "@/components/account/password-confirm-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { ScanStep } from "./enable-totp-scan";

/** Where the set-up stands (held by the dialog, which titles itself after it). */
export type TotpStep =
  | { name: "password" }
  | { name: "scan"; uri: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] };

async function start(password: string) {
  const { twoFactor } = await loadAuthClient();
  return fromAuth(await twoFactor.enable({ password }));
}

interface EnableTotpStepsProps {
  step: TotpStep;
  onStep: (step: TotpStep) => void;
}

/** The body of the authenticator set-up dialog: password, then scan and confirm, then the backup codes. */
export function EnableTotpSteps({ step, onStep, close }: EnableTotpStepsProps & DialogFormProps) {
  switch (step.name) {
    case "password":
      return (
        <PasswordConfirmForm
          submitLabel="Continue"
          pendingLabel="Checking…"
          action={start}
          onSuccess={({ data }) => {
            if (data && "totpURI" in data) onStep({ name: "scan", uri: data.totpURI, backupCodes: data.backupCodes });
          }}
        />
      );
    case "scan":
      return <ScanStep uri={step.uri} onConfirmed={() => onStep({ name: "codes", backupCodes: step.backupCodes })} />;
    case "codes":
      return (
        <>
          <BackupCodes codes={step.backupCodes} />
          <div className="flex justify-end">
            <Button onClick={close}>I have saved them</Button>
          </div>
        </>
      );
  }
}
