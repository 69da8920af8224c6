"use client";

import { MailCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { EmailField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { fromAuth } from "@/lib/actions/from-auth";
import { authClient } from "@/lib/auth/client";
import { ERROR_MESSAGES } from "@/lib/auth/errors";
import { type EmailOnly, emailOnlySchema } from "@/lib/validations/auth";
import { AuthFormCard } from "../../_components/auth-form-card";

interface CheckInboxProps {
  email: string;
  next: string;
  mailFailed: boolean;
}

/** "Check your inbox", with a resend button that also recovers from a failed first send. */
export function CheckInbox({ email: initialEmail, next, mailFailed }: CheckInboxProps) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const state = useActionForm<EmailOnly, unknown>({
    schema: emailOnlySchema,
    defaultValues: { email: initialEmail },
    action: async (values) => {
      setSentTo(null);
      return fromAuth(
        await authClient.sendVerificationEmail({
          email: values.email,
          callbackURL: `/verify-email/done?next=${encodeURIComponent(next)}`,
        }),
      );
    },
    onSuccess: (_, values) => setSentTo(values.email),
    toast: false,
    keepValues: true,
  });
  // The sign-up's own send failed: said until the first resend is tried.
  const notice =
    mailFailed && !sentTo && !state.form.formState.isSubmitted ? ERROR_MESSAGES.VERIFICATION_EMAIL_NOT_SENT : null;
  const error = state.error ?? notice;

  return (
    <AuthFormCard
      title="Check your inbox"
      description={
        initialEmail ? (
          <>
            We sent a verification link to <strong className="text-foreground">{initialEmail}</strong>. Open it to
            finish setting up your account. If that address already has an account, the email tells you how to sign in
            instead.
          </>
        ) : (
          "Open the verification link we sent you to finish setting up your account."
        )
      }
      state={state}
      notice={
        <>
          <div className="flex justify-center py-2 text-muted-foreground">
            <MailCheck className="size-10" aria-hidden />
          </div>
          {error ? <FormAlert>{error}</FormAlert> : null}
          {sentTo && !error ? <FormAlert tone="success">We sent a new link to {sentTo}.</FormAlert> : null}
        </>
      }
      footer={
        <>
          <SubmitButton pending={state.pending} variant="secondary">
            Resend verification email
          </SubmitButton>
          <Link href="/sign-in" className="text-muted-foreground text-sm underline underline-offset-4">
            Back to sign in
          </Link>
        </>
      }
    >
      <EmailField control={state.form.control} name="email" label="Didn't get it? Resend to" />
    </AuthFormCard>
  );
}
