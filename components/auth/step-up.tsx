"use client";

import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { createContext, type FormEvent, type ReactNode, useCallback, useContext, useRef, useState } from "react";
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
import { FRESH_SIGN_IN_REQUIRED } from "@/lib/auth/step-up-rules";

// The console's client sends a pending second factor to the /two-factor page; here it is asked for in the dialog.
const stepUpClient = createAuthClient({ plugins: [twoFactorClient()] });

type Step = "password" | "totp" | "otp";
type Confirm = () => Promise<boolean>;

const StepUpContext = createContext<Confirm | null>(null);

/** Whether a server action's result or a better-auth client error asks for a fresh sign-in. */
export function needsFreshSignIn(result: unknown): boolean {
  const value = result as { code?: unknown; error?: unknown } | null | undefined;
  if (value?.code === FRESH_SIGN_IN_REQUIRED) return true;
  const error = value?.error as { code?: unknown } | null | undefined;
  return typeof error === "object" && error?.code === FRESH_SIGN_IN_REQUIRED;
}

/**
 * Wraps a sensitive call: runs it, and when the server answers FRESH_SIGN_IN_REQUIRED, asks the person to confirm
 * it's them (password, and their second factor when they have one), then runs it once more. Cancelled: the first
 * answer stands (its message says why nothing happened).
 */
export function useStepUp() {
  const confirm = useContext(StepUpContext);
  return useCallback(
    async <T,>(call: () => Promise<T>): Promise<T> => {
      const first = await call();
      if (!confirm || !needsFreshSignIn(first)) return first;
      return (await confirm()) ? call() : first;
    },
    [confirm],
  );
}

/** Holds the one "Confirm it's you" dialog of the console for `useStepUp`; `email` is the signed-in user's. */
export function StepUpProvider({ email, children }: { email: string; children: ReactNode }) {
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>("password");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const confirm = useCallback<Confirm>(
    () =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setStep("password");
        setError(null);
        setOpen(true);
      }),
    [],
  );

  function finish(confirmed: boolean) {
    setOpen(false);
    resolver.current?.(confirmed);
    resolver.current = null;
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
    <StepUpContext.Provider value={confirm}>
      {children}
      <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : cancel())}>
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
    </StepUpContext.Provider>
  );
}
