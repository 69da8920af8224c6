"use client";

import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Form } from "@/components/ui/form";
import type { ActionForm as ActionFormState } from "./use-action-form";

interface ActionFormProps<V extends FieldValues> {
  state: ActionFormState<V>;
  children: ReactNode;
  className?: string;
  /** Where the form's message goes when not first (e.g. inside a card's content). */
  alert?: "top" | "none";
  ref?: React.Ref<HTMLFormElement>;
  /** The form's accessible name, for a page with several forms (a test or a screen reader finds it by name). */
  "aria-label"?: string;
}

/** The form element of `useActionForm`: its provider, no native validation, and its message above the fields. */
export function ActionForm<V extends FieldValues>({
  state,
  children,
  className = "grid gap-4",
  alert = "top",
  ref,
  "aria-label": label,
}: ActionFormProps<V>) {
  return (
    <Form {...state.form}>
      <form ref={ref} onSubmit={state.submit} noValidate className={className} aria-label={label}>
        {alert === "top" ? <ActionFormAlert state={state} /> : null}
        {children}
      </form>
    </Form>
  );
}

/** The form's message, for a form that places it itself. */
export function ActionFormAlert<V extends FieldValues>({ state }: { state: ActionFormState<V> }) {
  return state.error ? <FormAlert>{state.error}</FormAlert> : null;
}
