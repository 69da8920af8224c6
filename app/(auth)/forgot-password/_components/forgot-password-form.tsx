"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { type EmailOnly, emailOnlySchema } from "@/lib/validations/auth";

export function ForgotPasswordForm() {
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const form = useForm<EmailOnly>({ resolver: zodResolver(emailOnlySchema), defaultValues: { email: "" } });

  async function onSubmit(values: EmailOnly) {
    setResult(null);
    const { error } = await authClient.requestPasswordReset({ email: values.email, redirectTo: "/reset-password" });
    setResult(
      error
        ? { tone: "error", message: describeAuthError(error) }
        : {
            tone: "success",
            // Same answer whether or not the account exists, so the form cannot be used to probe for accounts.
            message: `If an account exists for ${values.email}, we sent it a link to choose a new password.`,
          },
    );
  }

  return (
    <Card>
      <AuthCardHeader title="Forgot your password?" description="We will email you a link to choose a new one." />
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <CardContent className="grid gap-4">
            {result ? <FormAlert tone={result.tone}>{result.message}</FormAlert> : null}
            <FormField
              control={form.control}
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Email</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="email" autoFocus {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6 flex flex-col gap-4">
            <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Sending…">
              Send reset link
            </SubmitButton>
            <Link href="/sign-in" className="text-muted-foreground text-sm underline underline-offset-4">
              Back to sign in
            </Link>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
