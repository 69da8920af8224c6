"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { NewPasswordFields } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { fromAuth } from "@/lib/actions/from-auth";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { type ResetPassword, resetPasswordSchema } from "@/lib/validations/auth";
import { AuthFormCard } from "../../_components/auth-form-card";

interface ResetPasswordFormProps {
  token: string;
  linkError: string | null;
}

export function ResetPasswordForm({ token, linkError }: ResetPasswordFormProps) {
  const router = useRouter();
  const state = useActionForm<ResetPassword, unknown>({
    schema: resetPasswordSchema,
    defaultValues: { password: "", confirm: "" },
    action: async (values) =>
      fromAuth(await (await loadAuthClient()).resetPassword({ newPassword: values.password, token })),
    onSuccess: () => router.push("/sign-in?reset=1"),
    toast: false,
    keepValues: true,
  });

  if (linkError || !token) {
    return (
      <Card>
        <AuthCardHeader title="This link did not work" />
        <CardContent>
          <FormAlert>{describeAuthError({ code: (linkError ?? "INVALID_TOKEN").toUpperCase() })}</FormAlert>
        </CardContent>
        <CardFooter className="mt-6">
          <Button asChild className="w-full">
            <Link href="/forgot-password">Ask for a new link</Link>
          </Button>
        </CardFooter>
      </Card>
    );
  }

  return (
    <AuthFormCard
      // The better-auth client (~16 KiB gzip) is not part of the first load: it loads once a field has focus.
      onFocus={preloadAuthClient}
      title="Choose a new password"
      description="Every other session will be signed out."
      state={state}
      footer={
        <SubmitButton pending={state.pending} pendingLabel="Saving…">
          Set new password
        </SubmitButton>
      }
    >
      <NewPasswordFields
        control={state.form.control}
        name="password"
        confirmName="confirm"
        confirmLabel="Repeat the new password"
        autoFocus
      />
    </AuthFormCard>
  );
}
