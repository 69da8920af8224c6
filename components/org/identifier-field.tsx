"use client";

import type { ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

interface IdentifierFieldProps<V extends FieldValues> {
  control: Control<V>;
  name: FieldPath<V>;
  label: string;
  description: ReactNode;
  /** The test id of a description that reports a check as one types (then a polite live region). */
  checkTestId?: string;
  /** What a typed value becomes (e.g. lowercased), and a hook on typing. */
  onInput?: (value: string) => string;
}

/**
 * An identifier people type: an organization's slug, a custom role's name. No autofill and no spellcheck, the rule
 * under it (or what a check says of it), its error under that.
 */
export function IdentifierField<V extends FieldValues>({
  control,
  name,
  label,
  description,
  checkTestId,
  onInput,
}: IdentifierFieldProps<V>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input
              autoComplete="off"
              spellCheck={false}
              {...field}
              onChange={(event) => field.onChange(onInput ? onInput(event.target.value) : event.target.value)}
            />
          </FormControl>
          <FormDescription aria-live={checkTestId ? "polite" : undefined} data-testid={checkTestId}>
            {description}
          </FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
