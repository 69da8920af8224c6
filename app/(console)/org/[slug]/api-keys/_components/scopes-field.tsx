"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES, type ApiKeyScope } from "@/lib/auth/api-key-scopes";

interface ScopesFieldProps<V extends FieldValues> {
  control: Control<V>;
  name: FieldPath<V>;
  /** The scopes the caller holds; the others are shown, but cannot be ticked (the server refuses them too). */
  held: readonly ApiKeyScope[];
}

/** A key's scopes, as a checkbox list with what each allows. */
export function ScopesField<V extends FieldValues>({ control, name, held }: ScopesFieldProps<V>) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => {
        const value = (field.value ?? []) as string[];
        return (
          <FormItem>
            <fieldset className="grid gap-2 rounded-md border p-3">
              <legend className="px-1 font-medium text-sm">Scopes</legend>
              {API_KEY_SCOPES.map((scope) => {
                const mayGrant = held.includes(scope);
                return (
                  <div key={scope} className="flex items-start gap-2 text-sm">
                    <Checkbox
                      id={`api-key-scope-${scope}`}
                      className="mt-0.5"
                      disabled={!mayGrant}
                      checked={value.includes(scope)}
                      onCheckedChange={(checked) =>
                        field.onChange(checked === true ? [...value, scope] : value.filter((s) => s !== scope))
                      }
                    />
                    <label htmlFor={`api-key-scope-${scope}`} className={mayGrant ? undefined : "opacity-60"}>
                      <code className="font-medium">{scope}</code> {API_KEY_SCOPE_LABELS[scope].label}
                      <span className="text-muted-foreground block text-xs">
                        {mayGrant
                          ? API_KEY_SCOPE_LABELS[scope].description
                          : "Your role does not allow this, so you cannot give it to a key."}
                      </span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}
