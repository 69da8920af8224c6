"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { BAN_EXPIRY_PRESETS, type BanDetails, type BanExpiry, banDetailsSchema } from "@/lib/validations/users";

interface BanDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "Ban Ada Lovelace" or "Ban 3 users". */
  title: string;
  /** Bans; resolves to an error message to show, or null when done (the dialog then closes). */
  onBan: (details: BanDetails) => Promise<{ error: string; fieldErrors?: Record<string, string> } | null>;
}

/** Reason (required) and length of a ban; ends the banned users' sessions. */
export function BanDialog({ open, onOpenChange, title, onBan }: BanDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<BanDetails>({
    resolver: zodResolver(banDetailsSchema),
    defaultValues: { reason: "", expiry: "1d" },
  });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: BanDetails) {
    setError(null);
    const failure = await onBan(values);
    if (failure) {
      setError(failure.error);
      for (const [field, message] of Object.entries(failure.fieldErrors ?? {})) {
        if (field === "reason" || field === "expiry") form.setError(field, { message });
      }
      return;
    }
    form.reset();
    onOpenChange(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setError(null);
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>
            Banned users are signed out everywhere at once and cannot sign in until the ban ends or is lifted.
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
                    <Textarea placeholder="What happened, ticket number…" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={form.control}
              name="expiry"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Length</FormLabel>
                  <FormControl>
                    <RadioGroup
                      value={field.value}
                      onValueChange={(value) => field.onChange(value as BanExpiry)}
                      className="flex flex-wrap gap-4"
                      aria-label="Ban length"
                    >
                      {(Object.keys(BAN_EXPIRY_PRESETS) as BanExpiry[]).map((key) => (
                        <div key={key} className="flex items-center gap-2">
                          <RadioGroupItem value={key} id={`ban-expiry-${key}`} />
                          <Label htmlFor={`ban-expiry-${key}`} className="font-normal">
                            {BAN_EXPIRY_PRESETS[key].label}
                          </Label>
                        </div>
                      ))}
                    </RadioGroup>
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="destructive" disabled={pending} aria-busy={pending}>
                {pending ? <Spinner /> : null} Ban
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
