"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { type TeamName, teamNameSchema } from "@/lib/validations/organization";

export interface TeamNameFormProps {
  submitLabel: string;
  defaultName?: string;
  /** Resolves to an error message, or null when saved. */
  onSave: (name: string) => Promise<string | null>;
  onCancel: () => void;
  onSaved: () => void;
}

/** The one form of a team: its name (create and rename). Loaded when its dialog opens. */
export function TeamNameForm({ submitLabel, defaultName = "", onSave, onCancel, onSaved }: TeamNameFormProps) {
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
    onSaved();
  }

  return (
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
          <Button type="button" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null} {submitLabel}
          </Button>
        </DialogFooter>
      </form>
    </Form>
  );
}
