"use client";

// The dialog behind useStepUp (components/auth/step-up.tsx), with its own better-auth client: loaded the first time a
// change asks for a fresh sign-in, not with every console page.
import { twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { KeyRound } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { fromAuth } from "@/lib/actions/from-auth";
import type { ActionResult } from "@/lib/actions/result";
import { loadPasskeyClient } from "@/lib/auth/load-client";

// The console's client sends a pending second factor to the /two-factor page; here it is asked for in the dialog.
const stepUpClient = createAuthClient({ plugins: [twoFactorClient()] });

type Step = "password" | "totp" | "otp" | "backup";

const PROVIDER_NAMES: Record<string, string> = { google: "Google", github: "GitHub" };

/** Where a step leads once its answer is accepted: the next step, or a fresh sign-in. */
type Outcome = Exclude<Step, "password"> | "done";

type Secret = { secret: string };

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
  // The session this confirmation replaces: ended once the fresh one exists, so the sessions list keeps one entry for
  // this browser and the old (stale) cookie is worth nothing if it was copied.
  const replaced = useRef<string | null>(null);

  // A passkey confirms it's you without the password (a fresh sign-in of the same account: plugins/passkey-policy.ts).
  const [hasPasskey, setHasPasskey] = useState(false);
  const [passkeyPending, setPasskeyPending] = useState(false);
  // An account without a password confirms through the provider it signs in with (plugins/social-sign-in.ts).
  const [ways, setWays] = useState<{ password: boolean; providers: string[] }>({ password: true, providers: [] });
  useEffect(() => {
    let active = true;
    void loadPasskeyClient()
      .then((client) => client.$fetch<unknown[]>("/passkey/list-user-passkeys", { method: "GET" }))
      .then((result) => {
        if (active) setHasPasskey(Array.isArray(result.data) && result.data.length > 0);
      })
      .catch(() => undefined);
    void stepUpClient
      .$fetch<Array<{ providerId: string }>>("/list-accounts", { method: "GET" })
      .then((result) => {
        if (!active || !Array.isArray(result.data)) return;
        const ids = result.data.map((a) => a.providerId);
        setWays({ password: ids.includes("credential"), providers: ids.filter((id) => id !== "credential") });
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, []);

  async function confirmWithProvider(provider: string) {
    // The provider signs this browser in afresh and the stale session ends; the change is made again from here.
    const here = `${window.location.pathname}${window.location.search}`;
    const result = await fromAuth(
      await stepUpClient.signIn.social({ provider, callbackURL: here, errorCallbackURL: here }),
    );
    if (!result.ok) state.setError(result.error);
  }

  async function rememberReplaced() {
    if (replaced.current) return;
    const current = await stepUpClient.getSession({ query: { disableCookieCache: true } });
    replaced.current = current.data?.session.token ?? null;
  }

  async function confirmWithPasskey() {
    setPasskeyPending(true);
    state.setError(null);
    await rememberReplaced();
    const client = await loadPasskeyClient();
    const result = await fromAuth(await client.signIn.passkey());
    setPasskeyPending(false);
    if (!result.ok) {
      state.setError(result.error);
      return;
    }
    await done();
  }

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

  async function answer({ secret }: Secret): Promise<ActionResult<Outcome>> {
    if (step === "password") {
      await rememberReplaced();
      const signedIn = await fromAuth(await stepUpClient.signIn.email({ email, password: secret }));
      if (!signedIn.ok) return signedIn;
      const data = signedIn.data;
      if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
        const methods = (data as { twoFactorMethods?: string[] }).twoFactorMethods ?? [];
        if (methods.includes("totp")) return { ok: true, message: "", data: "totp" };
        const sent = await fromAuth(await stepUpClient.twoFactor.sendOtp());
        return sent.ok ? { ok: true, message: "", data: "otp" } : sent;
      }
      return { ok: true, message: "", data: "done" };
    }
    const { twoFactor } = stepUpClient;
    const verify =
      step === "totp" ? twoFactor.verifyTotp : step === "otp" ? twoFactor.verifyOtp : twoFactor.verifyBackupCode;
    const verified = await fromAuth(await verify({ code: secret }));
    return verified.ok ? { ok: true, message: "", data: "done" } : verified;
  }

  // Only "nothing typed" is checked here: the server says whether the password or the code is right.
  const schema = useMemo(
    () =>
      z.object({
        secret: z
          .string()
          .trim()
          .min(1, step === "password" ? "Enter your password." : "Enter the code."),
      }),
    [step],
  );
  const state = useActionForm<Secret, Outcome>({
    schema,
    defaultValues: { secret: "" },
    action: answer,
    onSuccess: async ({ data }) => {
      if (!data || data === "done") await done();
      else setStep(data);
    },
    toast: false,
  });
  const { pending } = state;

  const label = LABELS[step];
  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : cancel())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Confirm it's you</DialogTitle>
          <DialogDescription>{DESCRIPTIONS[step]}</DialogDescription>
        </DialogHeader>
        <ActionForm state={state} aria-label="Confirm it's you">
          {step === "password" && !ways.password ? (
            <p className="text-muted-foreground text-sm">Your account has no password: confirm with how you sign in.</p>
          ) : (
            <FormField
              key={step}
              control={state.form.control}
              name="secret"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{label}</FormLabel>
                  <FormControl>
                    <Input
                      type={step === "password" ? "password" : "text"}
                      inputMode={step === "totp" || step === "otp" ? "numeric" : undefined}
                      autoComplete={
                        step === "password" ? "current-password" : step === "backup" ? "off" : "one-time-code"
                      }
                      autoFocus
                      {...field}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          )}
          {step === "password"
            ? ways.providers.map((provider) => (
                <Button key={provider} type="button" variant="outline" onClick={() => confirmWithProvider(provider)}>
                  Continue with {PROVIDER_NAMES[provider] ?? "your identity provider"}
                </Button>
              ))
            : null}
          {step === "password" && hasPasskey ? (
            <Button
              type="button"
              variant="outline"
              onClick={confirmWithPasskey}
              disabled={pending || passkeyPending}
              aria-busy={passkeyPending}
            >
              <KeyRound aria-hidden /> Use a passkey instead
            </Button>
          ) : null}
          {step === "totp" || step === "otp" ? (
            <Button
              type="button"
              variant="link"
              className="h-auto justify-self-start p-0"
              onClick={() => {
                state.setError(null);
                state.form.reset({ secret: "" });
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
            {step === "password" && !ways.password ? null : (
              <SubmitButton pending={pending} className="">
                Confirm
              </SubmitButton>
            )}
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
