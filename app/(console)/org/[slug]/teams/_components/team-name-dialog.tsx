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
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { type TeamName, teamNameSchema } from "@/lib/validations/organization";

interface TeamNameDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  submitLabel: string;
  defaultName?: string;
  /** Resolves to an error message, or null when saved (the dialog then closes). */
  onSave: (name: string) => Promise<string | null>;
}

/** The one form of a team: its name (create and rename). */
export function TeamNameDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  defaultName = "",
  onSave,
}: TeamNameDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TeamName>({ resolver: zodResolver(teamNameSchema), defaultValues: { name: defaultName } });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: TeamName) {
    setError(null);
    const message = await onSave(values.name);
    if (message) {
      setError(message);
      return;
    }
    form.reset({ name: defaultName });
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
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
            {error ? <FormAlert>{error}</FormAlert> : null}
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Team name</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending} aria-busy={pending}>
                {pending ? <Spinner /> : null} {submitLabel}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
