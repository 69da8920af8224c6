"use client";

import type { ReactNode } from "react";
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";

export interface LabelledFieldProps<V extends FieldValues> {
  control: Control<V>;
  name: FieldPath<V>;
  label?: ReactNode;
  description?: ReactNode;
  /** Props of the description (a live region for a check that reports as one types). */
  descriptionProps?: React.ComponentProps<typeof FormDescription> & { "data-testid"?: string };
  /** The input, given react-hook-form's field. */
  render: (field: ControllerRenderProps<V, FieldPath<V>>) => ReactNode;
  /** The input places its own FormControl (a Select's trigger); otherwise the whole input is the control. */
  ownControl?: boolean;
}

/** Every field of a console form: label, input, description, and the field's error under it. */
export function LabelledField<V extends FieldValues>({
  control,
  name,
  label,
  description,
  descriptionProps,
  render,
  ownControl = false,
}: LabelledFieldProps<V>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          {ownControl ? render(field) : <FormControl>{render(field)}</FormControl>}
          {description ? <FormDescription {...descriptionProps}>{description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
