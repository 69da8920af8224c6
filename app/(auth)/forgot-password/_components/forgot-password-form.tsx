"use client";

import Link from "next/link";
import { useState } from "react";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { fromAuth } from "@/lib/actions/result";
import { authClient } from "@/lib/auth/client";
import { type EmailOnly, emailOnlySchema } from "@/lib/validations/auth";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const state = useActionForm<EmailOnly, unknown>({
    schema: emailOnlySchema,
    defaultValues: { email: "" },
    action: async (values) => {
      setSentTo(null);
      return fromAuth(await authClient.requestPasswordReset({ email: values.email, redirectTo: "/reset-password" }));
    },
    onSuccess: (_, values) => setSentTo(values.email),
    toast: false,
    keepValues: true,
  });

  return (
    <Card>
      <AuthCardHeader title="Forgot your password?" description="We will email you a link to choose a new one." />
      <ActionForm state={state} alert="none" className="">
        <CardContent className="grid gap-4">
          <ActionFormAlert state={state} />
          {sentTo ? (
            // Same answer whether or not the account exists, so the form cannot be used to probe for accounts.
            <FormAlert tone="success">
              If an account exists for {sentTo}, we sent it a link to choose a new password.
            </FormAlert>
          ) : null}
          <EmailField control={state.form.control} name="email" autoFocus />
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-4">
          <SubmitButton pending={state.pending} pendingLabel="Sending…">
            Send reset link
          </SubmitButton>
          <Link href="/sign-in" className="text-muted-foreground text-sm underline underline-offset-4">
            Back to sign in
          </Link>
        </CardFooter>
      </ActionForm>
    </Card>
  );
}
