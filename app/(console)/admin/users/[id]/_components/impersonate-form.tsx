"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { impersonateUserAction } from "@/lib/actions/users/impersonate-user";
import { IMPERSONATION_REASON_MIN } from "@/lib/auth/operator-rules";
import { type ImpersonateUser, impersonateUserSchema } from "@/lib/validations/users";

interface ImpersonateFormProps {
  userId: string;
  onCancel: () => void;
}

/** The reason, then the impersonation itself (loaded with the dialog: react-hook-form and zod stay off the page). */
export function ImpersonateForm({ userId, onCancel }: ImpersonateFormProps) {
  const [error, setError] = useState<string | null>(null);
  const stepUp = useStepUp();
  const form = useForm<ImpersonateUser>({
    resolver: zodResolver(impersonateUserSchema),
    defaultValues: { userId, reason: "" },
  });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: ImpersonateUser) {
    setError(null);
    const result = await stepUp(() => impersonateUserAction(values));
    if (!result.ok) {
      setError(result.error);
      if (result.fieldErrors?.reason) form.setError("reason", { message: result.fieldErrors.reason });
      return;
    }
    // A full load: every server component must now render for the impersonated session.
    window.location.assign("/");
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
        {error ? <FormAlert>{error}</FormAlert> : null}
        <FormField
          control={form.control}
          name="reason"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Reason</FormLabel>
              <FormControl>
                <Textarea placeholder="Ticket number and what you need to check" {...field} />
              </FormControl>
              <FormDescription>At least {IMPERSONATION_REASON_MIN} characters.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null} Start impersonating
          </Button>
        </DialogFooter>
      </form>
    </Form>
  );
}
