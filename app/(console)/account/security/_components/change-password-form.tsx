"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { type ChangePassword, changePasswordSchema } from "@/lib/validations/account";
import { PASSWORD_MIN } from "@/lib/validations/auth";

const EMPTY: ChangePassword = { currentPassword: "", newPassword: "", confirm: "", revokeOtherSessions: true };

/** Change the password (current one required); optionally sign out every other session. A notice is mailed. */
export function ChangePasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const stepUp = useStepUp();
  const form = useForm<ChangePassword>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: ChangePassword) {
    setError(null);
    const { error } = await stepUp(async () =>
      (await loadAuthClient()).changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
        revokeOtherSessions: values.revokeOtherSessions,
      }),
    );
    if (error?.code === "INVALID_PASSWORD") {
      form.setError("currentPassword", { message: "This is not your current password." }, { shouldFocus: true });
      return;
    }
    if (error) {
      setError(describeAuthError(error));
      if (error.code?.startsWith("PASSWORD_")) form.setError("newPassword", { message: describeAuthError(error) });
      return;
    }
    form.reset(EMPTY);
    toast.success(
      values.revokeOtherSessions
        ? "Password changed. Your other sessions were signed out."
        : "Password changed. We emailed you a confirmation.",
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Password</h2>
        </CardTitle>
        <CardDescription>We will email you when it changes.</CardDescription>
      </CardHeader>
      <Form {...form}>
        <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Change password">
          <CardContent className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            <FormField
              control={form.control}
              name="currentPassword"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Current password</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="current-password" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="newPassword"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>New password</FormLabel>
                  <FormControl>
                    <Input type="password" autoComplete="new-password" {...field} />
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
            <FormField
              control={form.control}
              name="revokeOtherSessions"
              render={({ field }) => (
                <FormItem className="flex items-center gap-2">
                  <FormControl>
                    <Checkbox checked={field.value} onCheckedChange={(checked) => field.onChange(checked === true)} />
                  </FormControl>
                  <FormLabel className="font-normal">Sign out my other sessions</FormLabel>
                </FormItem>
              )}
            />
          </CardContent>
          <CardFooter className="mt-6 justify-end">
            <Button type="submit" disabled={pending} aria-busy={pending}>
              {pending ? <Spinner /> : null}
              {pending ? "Changing password…" : "Change password"}
            </Button>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}
