"use client";

import { MailCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { fromAuth } from "@/lib/actions/result";
import { authClient } from "@/lib/auth/client";
import { ERROR_MESSAGES } from "@/lib/auth/errors";
import { type EmailOnly, emailOnlySchema } from "@/lib/validations/auth";

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
    <Card>
      <AuthCardHeader
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
      />
      <ActionForm state={state} alert="none" className="">
        <CardContent className="grid gap-4">
          <div className="flex justify-center py-2 text-muted-foreground">
            <MailCheck className="size-10" aria-hidden />
          </div>
          {error ? <FormAlert>{error}</FormAlert> : null}
          {sentTo && !error ? <FormAlert tone="success">We sent a new link to {sentTo}.</FormAlert> : null}
          <EmailField control={state.form.control} name="email" label="Didn't get it? Resend to" />
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-4">
          <Button type="submit" variant="secondary" className="w-full" disabled={state.pending}>
            {state.pending ? <Spinner /> : null}
            Resend verification email
          </Button>
          <Link href="/sign-in" className="text-muted-foreground text-sm underline underline-offset-4">
            Back to sign in
          </Link>
        </CardFooter>
      </ActionForm>
    </Card>
  );
}
