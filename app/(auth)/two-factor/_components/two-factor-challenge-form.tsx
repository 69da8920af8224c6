"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { SubmitButton } from "@/components/auth/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { fromAuth } from "@/lib/actions/from-auth";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";
import { ERROR_MESSAGES } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import type { SecondFactorMethod } from "@/lib/auth/plugins/two-factor-challenge";
import { toast } from "@/lib/toast";
import {
  type ChallengeMethod,
  type TwoFactorChallengeValues,
  twoFactorChallengeSchema,
} from "@/lib/validations/account";
import { AuthFormCard } from "../../_components/auth-form-card";

interface TwoFactorChallengeFormProps {
  next: string;
  signInHref: string;
  methods: SecondFactorMethod[];
  backupCodes: boolean;
  /** The account has a passkey: it answers the challenge too. */
  passkey: boolean;
}

const COPY: Record<ChallengeMethod, { description: string; label: string; switchTo: string }> = {
  totp: {
    description: "Enter the 6-digit code from your authenticator app.",
    label: "Authentication code",
    switchTo: "Use your authenticator app",
  },
  otp: {
    description: "Enter the 6-digit code we emailed you.",
    label: "Code from the email",
    switchTo: "Email me a code instead",
  },
  backup: {
    description: "Enter one of your backup codes. Each works only once.",
    label: "Backup code",
    switchTo: "Use a backup code",
  },
};

/** What is said after which this challenge is over: only a new password sign-in helps. */
const ENDS_CHALLENGE = new Set([
  ERROR_MESSAGES.INVALID_TWO_FACTOR_COOKIE,
  ERROR_MESSAGES.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE,
]);

/** A refusal in the challenge's words: an emailed code tried too often needs a new email, not a new sign-in. */
function challengeFailure<T>(result: ActionResult<T>, used: ChallengeMethod): ActionResult<T> {
  if (result.ok || used !== "otp" || result.code !== "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") return result;
  return { ...result, error: "Too many wrong codes. Send a new code and try again." } satisfies ActionFailure;
}

/** The second step of a password sign-in: TOTP, an emailed code or a backup code; optionally trust this browser. */
export function TwoFactorChallengeForm({
  next,
  signInHref,
  methods,
  backupCodes,
  passkey,
}: TwoFactorChallengeFormProps) {
  const [sending, setSending] = useState(false);
  const [otpSentAt, setOtpSentAt] = useState<Date | null>(null);
  const state = useActionForm<TwoFactorChallengeValues, unknown>({
    schema: twoFactorChallengeSchema,
    defaultValues: { method: methods[0] ?? "otp", code: "", trustDevice: false },
    action: async ({ method, code, trustDevice }) => {
      const { twoFactor } = await loadAuthClient();
      const verify =
        method === "totp" ? twoFactor.verifyTotp : method === "otp" ? twoFactor.verifyOtp : twoFactor.verifyBackupCode;
      return challengeFailure(await fromAuth(await verify({ code, trustDevice })), method);
    },
    // A full load, as after a password sign-in: the router may hold pages prefetched while signed out.
    onSuccess: () => window.location.assign(next),
    toast: false,
    keepValues: true,
  });
  const { form, error } = state;
  const over = error !== null && ENDS_CHALLENGE.has(error);
  const method = form.watch("method");
  const available: ChallengeMethod[] = [...methods, ...(backupCodes ? (["backup"] as const) : [])];

  async function sendEmailCode() {
    setSending(true);
    const sent = challengeFailure(await fromAuth(await (await loadAuthClient()).twoFactor.sendOtp()), "otp");
    setSending(false);
    if (!sent.ok) {
      state.setError(sent.error);
      return;
    }
    setOtpSentAt(new Date());
    toast.success("We emailed you a code.");
  }

  // The page exists to submit a code: fetch better-auth's client now, off the first load.
  useEffect(preloadAuthClient, []);

  // Someone with email codes only gets the code without asking for it (once per page load).
  const autoSent = useRef(false);
  useEffect(() => {
    if (methods[0] !== "otp" || autoSent.current) return;
    autoSent.current = true;
    void sendEmailCode();
  });

  async function switchTo(target: ChallengeMethod) {
    state.setError(null);
    form.reset({ method: target, code: "", trustDevice: form.getValues("trustDevice") });
    if (target === "otp" && !otpSentAt) await sendEmailCode();
  }

  return (
    <AuthFormCard
      title="Two-factor authentication"
      description={COPY[method].description}
      state={state}
      notice={
        <>
          {error ? (
            <FormAlert>
              {error}{" "}
              {over ? (
                <Link className="underline" href={signInHref}>
                  Sign in again
                </Link>
              ) : null}
            </FormAlert>
          ) : null}
          {method === "otp" && otpSentAt ? (
            <FormAlert tone="success">We emailed a code to your address. It is valid for 3 minutes.</FormAlert>
          ) : null}
        </>
      }
      footerClassName="gap-3"
      footer={
        <>
          <SubmitButton pending={state.pending} pendingLabel="Verifying…">
            Verify
          </SubmitButton>
          {method === "otp" ? (
            <Button type="button" variant="outline" className="w-full" onClick={sendEmailCode} disabled={sending}>
              {sending ? "Sending…" : otpSentAt ? "Send a new code" : "Email me a code"}
            </Button>
          ) : null}
          {passkey ? <PasskeySignIn next={next} onError={state.setError} label="Use a passkey instead" /> : null}
          <ul className="grid w-full gap-1 text-center text-sm">
            {available
              .filter((m) => m !== method)
              .map((m) => (
                <li key={m}>
                  <Button type="button" variant="link" className="h-auto p-0" onClick={() => switchTo(m)}>
                    {COPY[m].switchTo}
                  </Button>
                </li>
              ))}
            <li>
              <Link href={signInHref} className="text-muted-foreground underline-offset-4 hover:underline">
                Cancel and sign in again
              </Link>
            </li>
          </ul>
        </>
      }
    >
      <FormField
        control={form.control}
        name="code"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{COPY[method].label}</FormLabel>
            <FormControl>
              <Input
                autoComplete="one-time-code"
                inputMode={method === "backup" ? "text" : "numeric"}
                autoFocus
                disabled={over}
                {...field}
              />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={form.control}
        name="trustDevice"
        render={({ field }) => (
          <FormItem className="flex items-center gap-2">
            <FormControl>
              <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
            </FormControl>
            <FormLabel className="font-normal">Trust this device for 30 days</FormLabel>
          </FormItem>
        )}
      />
    </AuthFormCard>
  );
}
