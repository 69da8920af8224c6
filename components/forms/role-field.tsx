"use client";

// Apart from fields.tsx so that forms without a role (the auth pages) never carry Radix Select.
import type { FieldValues } from "react-hook-form";
import { FormControl } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { FieldProps } from "./fields";
import { LabelledField } from "./labelled-field";

interface RoleFieldProps<V extends FieldValues> extends FieldProps<V> {
  /** The roles to choose from, with their words when they differ from the role's name. */
  roles: ReadonlyArray<string | { value: string; label: string }>;
}

/** A role chosen from a list (platform roles or an organization's built-in and custom roles). */
export function RoleField<V extends FieldValues>({
  control,
  name,
  label = "Role",
  description,
  placeholder = "Choose a role",
  disabled,
  roles,
}: RoleFieldProps<V>) {
  return (
    <LabelledField
      control={control}
      name={name}
      label={label}
      description={description}
      ownControl
      render={(field) => (
        <Select value={field.value} onValueChange={field.onChange} disabled={disabled}>
          <FormControl>
            <SelectTrigger className="w-full">
              <SelectValue placeholder={placeholder} />
            </SelectTrigger>
          </FormControl>
          <SelectContent>
            {roles.map((role) => {
              const { value, label: words } = typeof role === "string" ? { value: role, label: role } : role;
              return (
                <SelectItem key={value} value={value}>
                  {words}
                </SelectItem>
              );
            })}
          </SelectContent>
        </Select>
      )}
    />
  );
}
