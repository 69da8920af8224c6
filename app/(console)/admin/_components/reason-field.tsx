"use client";

import type { ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";

interface ReasonFieldProps<V extends FieldValues> {
  control: Control<V>;
  name: FieldPath<V>;
  placeholder: string;
  description?: ReactNode;
}

/** Why an operator does something to a user (a ban, an impersonation): it goes into the audit trail. */
export function ReasonField<V extends FieldValues>({ control, name, placeholder, description }: ReasonFieldProps<V>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>Reason</FormLabel>
          <FormControl>
            <Textarea placeholder={placeholder} {...field} />
          </FormControl>
          {description ? <FormDescription>{description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
