"use client";

// The dialog behind useStepUp (components/auth/step-up.tsx), with its own better-auth client: loaded the first time a
// change asks for a fresh sign-in, not with every console page.
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { type FormEvent, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { describeAuthError } from "@/lib/auth/errors";

// The console's client sends a pending second factor to the /two-factor page; here it is asked for in the dialog.
const stepUpClient = createAuthClient({ plugins: [twoFactorClient()] });

type Step = "password" | "totp" | "otp";

export interface StepUpDialogProps {
  /** The signed-in user's email. */
  email: string;
  /** Closes the dialog: true once the fresh sign-in succeeded, false when cancelled. */
  finish: (confirmed: boolean) => void;
}

/** The "Confirm it's you" dialog (mounted open by StepUpProvider, fresh for each confirmation). */
export function StepUpDialog({ email, finish }: StepUpDialogProps) {
  const [step, setStep] = useState<Step>("password");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function cancel() {
    // The password was accepted and better-auth ended this browser's session until the second factor comes:
    // without it, the way back in is the sign-in page.
    if (step !== "password") {
      const here = `${window.location.pathname}${window.location.search}`;
      window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
      return;
    }
    finish(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = new FormData(event.currentTarget).get("secret");
    const secret = typeof field === "string" ? field.trim() : "";
    if (!secret) {
      setError(step === "password" ? "Enter your password." : "Enter the code.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      if (step === "password") {
        const { data, error: failure } = await stepUpClient.signIn.email({ email, password: secret });
        if (failure) return setError(describeAuthError(failure));
        if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
          const methods = (data as { twoFactorMethods?: string[] }).twoFactorMethods ?? [];
          if (methods.includes("totp")) return setStep("totp");
          const sent = await stepUpClient.twoFactor.sendOtp();
          if (sent.error) return setError(describeAuthError(sent.error));
          return setStep("otp");
        }
        return finish(true);
      }
      const verify = step === "totp" ? stepUpClient.twoFactor.verifyTotp : stepUpClient.twoFactor.verifyOtp;
      const { error: failure } = await verify({ code: secret });
      if (failure) return setError(describeAuthError(failure));
      finish(true);
    } finally {
      setPending(false);
    }
  }

  const label = step === "password" ? "Password" : step === "totp" ? "Authentication code" : "Code from your email";
  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : cancel())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Confirm it's you</DialogTitle>
          <DialogDescription>
            {step === "password"
              ? "This change needs a sign-in from the last 15 minutes. Enter your password to continue."
              : step === "totp"
                ? "Enter the code from your authenticator app to finish signing in again."
                : "We emailed you a code. Enter it to finish signing in again."}
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Confirm it's you">
          {error ? <FormAlert>{error}</FormAlert> : null}
          <div className="grid gap-2">
            <Label htmlFor={`step-up-${step}`}>{label}</Label>
            <Input
              key={step}
              id={`step-up-${step}`}
              name="secret"
              type={step === "password" ? "password" : "text"}
              inputMode={step === "password" ? undefined : "numeric"}
              autoComplete={step === "password" ? "current-password" : "one-time-code"}
              autoFocus
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={cancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null} Confirm
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
