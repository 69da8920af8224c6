"use client";

import { useState } from "react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import type { TotpStep } from "./enable-totp-steps";

// The steps (password form, QR code, backup codes) load when the dialog first opens; the QR library when it draws.
const EnableTotpSteps = lazyDialog(() => import("./enable-totp-steps").then((module) => module.EnableTotpSteps));

const DESCRIPTIONS: Record<TotpStep["name"], string> = {
  password: "Enter your password to start.",
  scan: "Scan the QR code with an app such as 1Password, Google Authenticator or Authy, then enter the code it shows.",
  codes: "Two-factor authentication is on.",
};

interface EnableTotpDialogProps {
  onDone: () => void;
}

/** Set up an authenticator app: password, then scan and confirm with a code, then the backup codes (once). */
export function EnableTotpDialog({ onDone }: EnableTotpDialogProps) {
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<TotpStep>({ name: "password" });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      if (step.name === "codes") onDone();
      setStep({ name: "password" });
    }
  }

  return (
    <EnableTotpSteps
      open={open}
      onOpenChange={onOpenChange}
      trigger={<Button size="sm">Set up authenticator app</Button>}
      title={step.name === "codes" ? "Save your backup codes" : "Set up an authenticator app"}
      description={DESCRIPTIONS[step.name]}
      step={step}
      onStep={setStep}
    />
  );
}
