"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { PASSWORD_MIN, type SignUp, signUpSchema } from "@/lib/validations/auth";

interface SignUpFormProps {
  next: string;
  defaultEmail: string;
}

function inboxPath(email: string, next: string, mailFailed = false) {
  const params = new URLSearchParams({ email });
  if (next !== "/") params.set("next", next);
  if (mailFailed) params.set("mail", "failed");
  return `/verify-email?${params}`;
}

export function SignUpForm({ next, defaultEmail }: SignUpFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignUp>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: defaultEmail, password: "" },
  });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: SignUp) {
    setError(null);
    const { error } = await authClient.signUp.email({
      name: values.name,
      email: values.email,
      password: values.password,
      callbackURL: `/verify-email/done?next=${encodeURIComponent(next)}`,
    });
    if (error?.code === "VERIFICATION_EMAIL_NOT_SENT") {
      router.push(inboxPath(values.email, next, true));
      return;
    }
    if (error) {
      setError(describeAuthError(error));
      if (error.code?.startsWith("PASSWORD_")) form.setError("password", { message: describeAuthError(error) });
      return;
    }
    router.push(inboxPath(values.email, next));
  }

  return (
    <Card>
      <AuthCardHeader title="Create your account" description="We will send a link to verify your email address." />
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
          <CardContent className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input autoComplete="name" autoFocus {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="email"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Email</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="email" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="password"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Password</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="new-password" {...field} />
                  </FormControl>
                  <FormDescription>At least {PASSWORD_MIN} characters.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6 flex flex-col gap-4">
            <SubmitButton pending={pending} pendingLabel="Creating account…">
              Create account
            </SubmitButton>
            <p className="text-muted-foreground text-sm">
              Already have an account?{" "}
              <Link
                href={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`}
                className="text-foreground underline underline-offset-4"
              >
                Sign in
              </Link>
            </p>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
