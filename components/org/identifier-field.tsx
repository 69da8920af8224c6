"use client";

import type { ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { LabelledField } from "@/components/forms/labelled-field";
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
    <LabelledField
      control={control}
      name={name}
      label={label}
      description={description}
      descriptionProps={{ "aria-live": checkTestId ? "polite" : undefined, "data-testid": checkTestId }}
      render={(field) => (
        <Input
          autoComplete="off"
          spellCheck={false}
          {...field}
          onChange={(event) => field.onChange(onInput ? onInput(event.target.value) : event.target.value)}
        />
      )}
    />
  );
}
