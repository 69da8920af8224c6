"use client";

import type { ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN } from "@/lib/validations/auth";
import { LabelledField } from "./labelled-field";

export interface FieldProps<V extends FieldValues> {
  control: Control<V>;
  name: FieldPath<V>;
  label?: string;
  description?: ReactNode;
  autoFocus?: boolean;
  /** The browser's autofill hint; "off" for an address or name typed for someone else. */
  autoComplete?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** One labelled text input of a console form, with its description and its error under it. */
export function TextField<V extends FieldValues>({
  control,
  name,
  label,
  description,
  autoFocus,
  autoComplete,
  placeholder,
  disabled,
  type = "text",
}: FieldProps<V> & { type?: "text" | "email" | "password" | "url" }) {
  return (
    <LabelledField
      control={control}
      name={name}
      label={label}
      description={description}
      render={(field) => (
        <Input
          type={type}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          placeholder={placeholder}
          disabled={disabled}
          {...field}
        />
      )}
    />
  );
}

/** A person's or an organization's name. */
export function NameField<V extends FieldValues>({ label = "Name", autoComplete = "name", ...props }: FieldProps<V>) {
  return <TextField {...props} label={label} autoComplete={autoComplete} />;
}

/** An email address. */
export function EmailField<V extends FieldValues>({
  label = "Email",
  autoComplete = "email",
  ...props
}: FieldProps<V>) {
  return <TextField {...props} type="email" label={label} autoComplete={autoComplete} />;
}

/** A password the person already has (sign-in, confirmations). */
export function CurrentPasswordField<V extends FieldValues>({
  label = "Password",
  autoComplete = "current-password",
  ...props
}: FieldProps<V>) {
  return <TextField {...props} type="password" label={label} autoComplete={autoComplete} />;
}

interface NewPasswordFieldsProps<V extends FieldValues> extends FieldProps<V> {
  /** The repeat field, when the form asks for the password twice. */
  confirmName?: FieldPath<V>;
  confirmLabel?: string;
}

/** A new password (and its repeat when asked), with the length rule under it. */
export function NewPasswordFields<V extends FieldValues>({
  label = "New password",
  description = `At least ${PASSWORD_MIN} characters.`,
  confirmName,
  confirmLabel = "Confirm new password",
  ...props
}: NewPasswordFieldsProps<V>) {
  return (
    <>
      <TextField {...props} type="password" label={label} autoComplete="new-password" description={description} />
      {confirmName ? (
        <TextField
          control={props.control}
          name={confirmName}
          type="password"
          label={confirmLabel}
          autoComplete="new-password"
          disabled={props.disabled}
        />
      ) : null}
    </>
  );
}
