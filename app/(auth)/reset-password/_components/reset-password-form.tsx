"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { PASSWORD_MIN, type ResetPassword, resetPasswordSchema } from "@/lib/validations/auth";

interface ResetPasswordFormProps {
  token: string;
  linkError: string | null;
}

export function ResetPasswordForm({ token, linkError }: ResetPasswordFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ResetPassword>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { password: "", confirm: "" },
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

  async function onSubmit(values: ResetPassword) {
    setError(null);
    const { error } = await authClient.resetPassword({ newPassword: values.password, token });
    if (error) {
      setError(describeAuthError(error));
      return;
    }
    router.push("/sign-in?reset=1");
  }

  return (
    <Card>
      <AuthCardHeader title="Choose a new password" description="Every other session will be signed out." />
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <CardContent className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            <FormField
              control={form.control}
              name="password"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>New password</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="new-password" autoFocus {...field} />
                  </FormControl>
                  <FormDescription>At least {PASSWORD_MIN} characters.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="confirm"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Repeat the new password</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="new-password" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6">
            <SubmitButton pending={form.formState.isSubmitting} pendingLabel="Saving…">
              Set new password
            </SubmitButton>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
