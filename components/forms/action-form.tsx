"use client";

import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Form } from "@/components/ui/form";
import { useReadOnlyReason } from "./read-only";
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

/**
 * The form element of `useActionForm`: its provider, no native validation, and its message above the fields. Where
 * forms are read-only (`ReadOnlyProvider`: while impersonating) every control is disabled and the form says why.
 */
export function ActionForm<V extends FieldValues>({
  state,
  children,
  className = "grid gap-4",
  alert = "top",
  ref,
  "aria-label": label,
}: ActionFormProps<V>) {
  const readOnly = useReadOnlyReason();
  return (
    <Form {...state.form}>
      <form
        ref={ref}
        onSubmit={readOnly ? (event) => event.preventDefault() : state.submit}
        noValidate
        className={className}
        aria-label={label}
      >
        {alert === "top" ? <ActionFormAlert state={state} /> : null}
        {/* display: contents keeps the form's own layout; a disabled fieldset disables every control in it. */}
        <fieldset disabled={readOnly !== null} className="contents">
          {children}
        </fieldset>
      </form>
    </Form>
  );
}

/** The form's message (and why it is read-only, where it is), for a form that places it itself. */
export function ActionFormAlert<V extends FieldValues>({ state }: { state: ActionFormState<V> }) {
  const readOnly = useReadOnlyReason();
  return (
    <>
      {readOnly ? <ReadOnlyNote reason={readOnly} /> : null}
      {state.error ? <FormAlert>{state.error}</FormAlert> : null}
    </>
  );
}

/** Why the form cannot be used here. */
export function ReadOnlyNote({ reason }: { reason: string }) {
  return (
    <p
      role="note"
      data-testid="read-only-note"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      {reason}
    </p>
  );
}
