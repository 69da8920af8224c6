"use client";

// The dialog behind useStepUp (components/auth/step-up.tsx), with its own better-auth client: loaded the first time a
// change asks for a fresh sign-in, not with every console page.
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { type FormEvent, useRef, useState } from "react";
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

type Step = "password" | "totp" | "otp" | "backup";

const LABELS: Record<Step, string> = {
  password: "Password",
  totp: "Authentication code",
  otp: "Code from your email",
  backup: "Backup code",
};

const DESCRIPTIONS: Record<Step, string> = {
  password: "This change needs a sign-in from the last 15 minutes. Enter your password to continue.",
  totp: "Enter the code from your authenticator app to finish signing in again.",
  otp: "We emailed you a code. Enter it to finish signing in again.",
  backup: "Enter one of your backup codes to finish signing in again. Each code works once.",
};

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
  // The session this confirmation replaces: ended once the fresh one exists, so the sessions list keeps one entry for
  // this browser and the old (stale) cookie is worth nothing if it was copied.
  const replaced = useRef<string | null>(null);

  async function done() {
    const token = replaced.current;
    // Best effort: the change goes ahead either way, and the old session still ends when it expires.
    if (token) await stepUpClient.revokeSession({ token }).catch(() => undefined);
    finish(true);
  }

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
        if (!replaced.current) {
          const current = await stepUpClient.getSession({ query: { disableCookieCache: true } });
          replaced.current = current.data?.session.token ?? null;
        }
        const { data, error: failure } = await stepUpClient.signIn.email({ email, password: secret });
        if (failure) return setError(describeAuthError(failure));
        if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
          const methods = (data as { twoFactorMethods?: string[] }).twoFactorMethods ?? [];
          if (methods.includes("totp")) return setStep("totp");
          const sent = await stepUpClient.twoFactor.sendOtp();
          if (sent.error) return setError(describeAuthError(sent.error));
          return setStep("otp");
        }
        return await done();
      }
      const { twoFactor } = stepUpClient;
      const verify =
        step === "totp" ? twoFactor.verifyTotp : step === "otp" ? twoFactor.verifyOtp : twoFactor.verifyBackupCode;
      const { error: failure } = await verify({ code: secret });
      if (failure) return setError(describeAuthError(failure));
      await done();
    } finally {
      setPending(false);
    }
  }

  const label = LABELS[step];
  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : cancel())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Confirm it's you</DialogTitle>
          <DialogDescription>{DESCRIPTIONS[step]}</DialogDescription>
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
              inputMode={step === "totp" || step === "otp" ? "numeric" : undefined}
              autoComplete={step === "password" ? "current-password" : step === "backup" ? "off" : "one-time-code"}
              autoFocus
            />
          </div>
          {step === "totp" || step === "otp" ? (
            <Button
              type="button"
              variant="link"
              className="h-auto justify-self-start p-0"
              onClick={() => {
                setError(null);
                setStep("backup");
              }}
            >
              Use a backup code instead
            </Button>
          ) : null}
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
