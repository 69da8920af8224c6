"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { isOrganizationEvent, WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/catalogue";

interface EventTypesFieldProps<V extends FieldValues> {
  control: Control<V>;
  name: FieldPath<V>;
  /** An organization's endpoint receives only its own organization and member events. */
  organization: boolean;
}

/** The event types an endpoint receives, as a checkbox list with what each means. */
export function EventTypesField<V extends FieldValues>({ control, name, organization }: EventTypesFieldProps<V>) {
  const types = WEBHOOK_EVENT_TYPES.filter((type) => !organization || isOrganizationEvent(type));
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => {
        const value = (field.value ?? []) as string[];
        return (
          <FormItem>
            <fieldset className="grid max-h-56 gap-2 overflow-y-auto rounded-md border p-3">
              <legend className="px-1 font-medium text-sm">Events</legend>
              {types.map((type) => (
                <div key={type} className="flex items-start gap-2 text-sm">
                  <Checkbox
                    id={`event-type-${type}`}
                    className="mt-0.5"
                    checked={value.includes(type)}
                    onCheckedChange={(checked) =>
                      field.onChange(checked === true ? [...value, type] : value.filter((t) => t !== type))
                    }
                  />
                  <label htmlFor={`event-type-${type}`}>
                    <code className="font-medium">{type}</code>
                    <span className="text-muted-foreground block text-xs">{WEBHOOK_EVENT_DESCRIPTIONS[type]}</span>
                  </label>
                </div>
              ))}
            </fieldset>
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}
