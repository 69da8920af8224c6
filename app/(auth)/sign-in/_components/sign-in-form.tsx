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
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { type SignIn, signInSchema } from "@/lib/validations/auth";

interface SignInFormProps {
  next: string;
  passwordWasReset: boolean;
  defaultEmail: string;
}

export function SignInForm({ next, passwordWasReset, defaultEmail }: SignInFormProps) {
  const [error, setError] = useState<{ message: string; unverified: boolean } | null>(null);
  const form = useForm<SignIn>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: defaultEmail, password: "" },
  });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: SignIn) {
    setError(null);
    const authClient = await loadAuthClient();
    const { data, error } = await authClient.signIn.email({
      email: values.email,
      password: values.password,
    });
    if (error) {
      setError({ message: describeAuthError(error), unverified: error.code === "EMAIL_NOT_VERIFIED" });
      return;
    }
    // The two-factor plugin redirects by itself when a second factor is due.
    if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) return;
    // A full load: the router may hold pages prefetched while signed out (redirects to this form).
    window.location.assign(next);
  }

  const email = form.watch("email");
  return (
    <Card>
      <AuthCardHeader title="Sign in" description="Welcome back. Sign in to the console." />
      <Form {...form}>
        {/* The better-auth client (~16 KiB gzip) is not part of the first load: it loads once the form has focus. */}
        <form onSubmit={form.handleSubmit(onSubmit)} onFocus={preloadAuthClient} noValidate>
          <CardContent className="grid gap-4">
            {passwordWasReset && !error ? (
              <FormAlert tone="success">Your password was changed. Sign in with the new one.</FormAlert>
            ) : null}
            {error ? (
              <FormAlert>
                {error.message}{" "}
                {error.unverified ? (
                  <Link className="underline" href={`/verify-email?email=${encodeURIComponent(email)}`}>
                    Open the inbox page
                  </Link>
                ) : null}
              </FormAlert>
            ) : null}
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
            <FormField
              control={form.control}
              name="password"
              render={({ field }) => (
                <FormItem>
                  <div className="flex items-center justify-between">
                    <FormLabel>Password</FormLabel>
                    <Link
                      href="/forgot-password"
                      className="text-muted-foreground text-sm underline-offset-4 hover:underline"
                    >
                      Forgot password?
                    </Link>
                  </div>
                  <FormControl>
                    <Input type="password" autoComplete="current-password" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6 flex flex-col gap-4">
            <SubmitButton pending={pending} pendingLabel="Signing in…">
              Sign in
            </SubmitButton>
            <p className="text-muted-foreground text-sm">
              No account yet?{" "}
              <Link
                href={next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`}
                className="text-foreground underline underline-offset-4"
              >
                Create one
              </Link>
            </p>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
