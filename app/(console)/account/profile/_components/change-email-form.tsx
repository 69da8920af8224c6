"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useStepUp } from "@/components/auth/step-up";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { type ChangeEmail, changeEmailSchema } from "@/lib/validations/account";

interface ChangeEmailFormProps {
  email: string;
  verified: boolean;
}

/**
 * Asks better-auth to move the account to a new address, after a fresh sign-in: a verified address first confirms the
 * move from its own inbox, then the new one gets the link that completes it; an unverified one gets that link at once.
 */
export function ChangeEmailForm({ email, verified }: ChangeEmailFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const stepUp = useStepUp();
  const form = useForm<ChangeEmail>({ resolver: zodResolver(changeEmailSchema), defaultValues: { newEmail: "" } });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: ChangeEmail) {
    setError(null);
    setSentTo(null);
    if (values.newEmail.toLowerCase() === email.toLowerCase()) {
      form.setError("newEmail", { message: "This is already your email address." });
      return;
    }
    const client = await loadAuthClient();
    const { error } = await stepUp(() =>
      client.changeEmail({
        newEmail: values.newEmail,
        callbackURL: `/account/profile?email=changed&to=${encodeURIComponent(values.newEmail.toLowerCase())}`,
      }),
    );
    if (error) {
      setError(describeAuthError(error));
      return;
    }
    setSentTo(values.newEmail);
    form.reset({ newEmail: "" });
    toast.success(`Check ${verified ? email : values.newEmail} for a confirmation link.`);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Email address</h2>
        </CardTitle>
        <CardDescription className="flex flex-wrap items-center gap-2">
          <span data-testid="current-email">{email}</span>
          <Badge variant={verified ? "secondary" : "destructive"}>{verified ? "Verified" : "Not verified"}</Badge>
        </CardDescription>
      </CardHeader>
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Change email address">
          <CardContent className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            {sentTo ? (
              <FormAlert tone="success">
                {verified
                  ? `We sent a confirmation link to ${email}, your current address. Once you confirm there, we send a link to ${sentTo} that completes the change.`
                  : `We sent a confirmation link to ${sentTo}. Your address changes once you open it.`}
              </FormAlert>
            ) : null}
            <FormField
              control={form.control}
              name="newEmail"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>New email address</FormLabel>
                  <FormControl>
                    <Input type="email" autoComplete="email" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6 justify-end">
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null}
              {pending ? "Sending link…" : "Change email"}
            </Button>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
