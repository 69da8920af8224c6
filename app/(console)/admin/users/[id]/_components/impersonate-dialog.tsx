"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { VenetianMaskIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { impersonateUserAction } from "@/lib/actions/users/impersonate-user";
import { IMPERSONATION_REASON_MIN } from "@/lib/auth/operator-rules";
import { type ImpersonateUser, impersonateUserSchema } from "@/lib/validations/users";

interface ImpersonateDialogProps {
  userId: string;
  userName: string;
}

/** Asks why, then signs the operator in as this user (for at most an hour) and opens the console as them. */
export function ImpersonateDialog({ userId, userName }: ImpersonateDialogProps) {
  const [open, setOpen] = useState(false);
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
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <VenetianMaskIcon aria-hidden /> Impersonate
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Impersonate {userName}</DialogTitle>
          <DialogDescription>
            You will see the console as they do for up to an hour. They are told by email, and the reason is recorded.
            Password, email, two-factor and account deletion stay out of reach.
          </DialogDescription>
        </DialogHeader>
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
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending} aria-busy={pending}>
                {pending ? <Spinner /> : null} Start impersonating
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
