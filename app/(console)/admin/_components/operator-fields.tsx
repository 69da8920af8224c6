"use client";

import type { ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { LabelledField } from "@/components/forms/labelled-field";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";

// The operator forms' own fields, beside components/forms/fields.tsx: a reason for the audit trail, a radio choice.

interface FieldProps<V extends FieldValues> {
  control: Control<V>;
  name: FieldPath<V>;
}

/** Why an operator does something to a user (a ban, an impersonation): it goes into the audit trail. */
export function ReasonField<V extends FieldValues>({
  placeholder,
  description,
  ...props
}: FieldProps<V> & { placeholder: string; description?: ReactNode }) {
  return (
    <LabelledField
      {...props}
      label="Reason"
      description={description}
      render={(field) => <Textarea placeholder={placeholder} {...field} />}
    />
  );
}

interface ChoiceFieldProps<V extends FieldValues> extends FieldProps<V> {
  label: string;
  /** The radio group's accessible name (default: `label`). */
  groupLabel?: string;
  /** Prefix of each radio's id (`${idPrefix}-${value}`), unique on the page. */
  idPrefix: string;
  choices: ReadonlyArray<{ value: string; label: string; hint?: string }>;
  className?: string;
}

/** One choice among a few, as radio buttons (a ban's length, how a new user's password is set). */
export function ChoiceField<V extends FieldValues>({
  label,
  groupLabel = label,
  idPrefix,
  choices,
  className,
  ...props
}: ChoiceFieldProps<V>) {
  return (
    <LabelledField
      {...props}
      label={label}
      render={(field) => (
        <RadioGroup value={field.value} onValueChange={field.onChange} className={className} aria-label={groupLabel}>
          {choices.map((choice) => (
            <div key={choice.value} className="flex items-center gap-2">
              <RadioGroupItem value={choice.value} id={`${idPrefix}-${choice.value}`} />
              <Label htmlFor={`${idPrefix}-${choice.value}`} className="font-normal">
                {choice.label}
                {choice.hint ? <span className="text-muted-foreground">{choice.hint}</span> : null}
              </Label>
            </div>
          ))}
        </RadioGroup>
      )}
    />
  );
}
