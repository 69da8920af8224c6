"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/client";
import { type AuthClientError, describeAuthError } from "@/lib/auth/errors";
import type { SecondFactorMethod } from "@/lib/auth/plugins/two-factor-challenge";
import { toast } from "@/lib/toast";
import {
  type ChallengeMethod,
  type TwoFactorChallengeInput,
  type TwoFactorChallengeValues,
  twoFactorChallengeSchema,
} from "@/lib/validations/account";

interface TwoFactorChallengeFormProps {
  next: string;
  signInHref: string;
  methods: SecondFactorMethod[];
  backupCodes: boolean;
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

/** Errors after which this challenge is over: only a new password sign-in helps. */
const ENDS_CHALLENGE = new Set(["INVALID_TWO_FACTOR_COOKIE", "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE"]);

/** The second step of a password sign-in: TOTP, an emailed code or a backup code; optionally trust this browser. */
export function TwoFactorChallengeForm({ next, signInHref, methods, backupCodes }: TwoFactorChallengeFormProps) {
  const [error, setError] = useState<{ message: string; over: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const [otpSentAt, setOtpSentAt] = useState<Date | null>(null);
  const form = useForm<TwoFactorChallengeInput, unknown, TwoFactorChallengeValues>({
    resolver: zodResolver(twoFactorChallengeSchema),
    defaultValues: { method: methods[0] ?? "otp", code: "", trustDevice: false },
  });
  const method = form.watch("method");
  const pending = form.formState.isSubmitting;
  const available: ChallengeMethod[] = [...methods, ...(backupCodes ? (["backup"] as const) : [])];

  async function sendEmailCode() {
    setSending(true);
    const { error } = await authClient.twoFactor.sendOtp();
    setSending(false);
    if (error) {
      showError(error, "otp");
      return;
    }
    setOtpSentAt(new Date());
    toast.success("We emailed you a code.");
  }

  function showError(error: AuthClientError, used: ChallengeMethod) {
    // An emailed code that was tried too often needs a new email, not a new sign-in.
    if (used === "otp" && error.code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") {
      setError({ message: "Too many wrong codes. Send a new code and try again.", over: false });
      return;
    }
    setError({ message: describeAuthError(error), over: !!error.code && ENDS_CHALLENGE.has(error.code) });
  }

  // Someone with email codes only gets the code without asking for it (once per page load).
  const autoSent = useRef(false);
  useEffect(() => {
    if (methods[0] !== "otp" || autoSent.current) return;
    autoSent.current = true;
    void sendEmailCode();
  });

  async function switchTo(target: ChallengeMethod) {
    setError(null);
    form.reset({ method: target, code: "", trustDevice: form.getValues("trustDevice") });
    if (target === "otp" && !otpSentAt) await sendEmailCode();
  }

  async function onSubmit({ method, code, trustDevice }: TwoFactorChallengeValues) {
    setError(null);
    const verify =
      method === "totp"
        ? authClient.twoFactor.verifyTotp({ code, trustDevice })
        : method === "otp"
          ? authClient.twoFactor.verifyOtp({ code, trustDevice })
          : authClient.twoFactor.verifyBackupCode({ code, trustDevice });
    const { error } = await verify;
    if (error) {
      showError(error, method);
      return;
    }
    // A full load, as after a password sign-in: the router may hold pages prefetched while signed out.
    window.location.assign(next);
  }

  return (
    <Card>
      <AuthCardHeader title="Two-factor authentication" description={COPY[method].description} />
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <CardContent className="grid gap-4">
            {error ? (
              <FormAlert>
                {error.message}{" "}
                {error.over ? (
                  <Link className="underline" href={signInHref}>
                    Sign in again
                  </Link>
                ) : null}
              </FormAlert>
            ) : null}
            {method === "otp" && otpSentAt ? (
              <FormAlert tone="success">We emailed a code to your address. It is valid for 3 minutes.</FormAlert>
            ) : null}
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
                      disabled={error?.over}
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
          </CardContent>
          <CardFooter className="mt-6 flex flex-col gap-3">
            <SubmitButton pending={pending} pendingLabel="Verifying…">
              Verify
            </SubmitButton>
            {method === "otp" ? (
              <Button type="button" variant="outline" className="w-full" onClick={sendEmailCode} disabled={sending}>
                {sending ? "Sending…" : otpSentAt ? "Send a new code" : "Email me a code"}
              </Button>
            ) : null}
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
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
