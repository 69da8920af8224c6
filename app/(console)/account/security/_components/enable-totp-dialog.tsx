"use client";

import { lazy, Suspense, useState } from "react";
import { BackupCodes } from "@/components/account/backup-codes";
import { PasswordConfirmForm } from "@/components/account/password-confirm-form";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { passwordOutcome } from "./password-outcome";

const ScanStep = lazy(() => import("./enable-totp-scan").then((module) => ({ default: module.ScanStep })));

type Step =
  | { name: "password" }
  | { name: "scan"; uri: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] };

interface EnableTotpDialogProps {
  onDone: () => void;
}

/** Set up an authenticator app: password, then scan and confirm with a code, then the backup codes (once). */
export function EnableTotpDialog({ onDone }: EnableTotpDialogProps) {
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ name: "password" });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      if (step.name === "codes") onDone();
      setStep({ name: "password" });
    }
  }

  async function start(password: string) {
    const { data, error } = await (await loadAuthClient()).twoFactor.enable({ password });
    if (data && "totpURI" in data) setStep({ name: "scan", uri: data.totpURI, backupCodes: data.backupCodes });
    return passwordOutcome(error);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm">Set up authenticator app</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{step.name === "codes" ? "Save your backup codes" : "Set up an authenticator app"}</DialogTitle>
          <DialogDescription>
            {step.name === "password" && "Enter your password to start."}
            {step.name === "scan" &&
              "Scan the QR code with an app such as 1Password, Google Authenticator or Authy, then enter the code it shows."}
            {step.name === "codes" && "Two-factor authentication is on."}
          </DialogDescription>
        </DialogHeader>
        {step.name === "password" ? (
          <PasswordConfirmForm submitLabel="Continue" pendingLabel="Checking…" onConfirm={start} />
        ) : null}
        {step.name === "scan" ? (
          <Suspense fallback={<Skeleton className="h-44 w-full" />}>
            <ScanStep
              uri={step.uri}
              onConfirmed={() => {
                toast.success("Authenticator app set up.");
                setStep({ name: "codes", backupCodes: step.backupCodes });
              }}
            />
          </Suspense>
        ) : null}
        {step.name === "codes" ? (
          <>
            <BackupCodes codes={step.backupCodes} />
            <div className="flex justify-end">
              <Button onClick={() => onOpenChange(false)}>I have saved them</Button>
            </div>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
