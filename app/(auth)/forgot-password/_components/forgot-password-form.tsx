"use client";

import Link from "next/link";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionFormAlert } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { type EmailOnly, emailOnlySchema } from "@/lib/validations/auth";
import { AuthFormCard } from "../../_components/auth-form-card";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const state = useActionForm<EmailOnly, unknown>({
    schema: emailOnlySchema,
    defaultValues: { email: "" },
    action: async (values) => {
      setSentTo(null);
      return fromAuth(
        await (await loadAuthClient()).requestPasswordReset({ email: values.email, redirectTo: "/reset-password" }),
      );
    },
    onSuccess: (_, values) => setSentTo(values.email),
    toast: false,
    keepValues: true,
  });

  return (
    <AuthFormCard
      // The better-auth client (~16 KiB gzip) is not part of the first load: it loads once a field has focus.
      onFocus={preloadAuthClient}
      title="Forgot your password?"
      description="We will email you a link to choose a new one."
      state={state}
      notice={
        <>
          <ActionFormAlert state={state} />
          {sentTo ? (
            // Same answer whether or not the account exists, so the form cannot be used to probe for accounts.
            <FormAlert tone="success">
              If an account exists for {sentTo}, we sent it a link to choose a new password.
            </FormAlert>
          ) : null}
        </>
      }
      footer={
        <>
          <SubmitButton pending={state.pending} pendingLabel="Sending…">
            Send reset link
          </SubmitButton>
          <Link href="/sign-in" className="text-muted-foreground text-sm underline underline-offset-4">
            Back to sign in
          </Link>
        </>
      }
    >
      <EmailField control={state.form.control} name="email" autoFocus />
    </AuthFormCard>
  );
}
