"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useContext, useEffect, useRef, useState } from "react";
import { type DefaultValues, type FieldValues, type Path, type UseFormReturn, useForm } from "react-hook-form";
import type { ZodType } from "zod";
import { useStepUp } from "@/components/auth/step-up";
import type { ActionResult } from "@/lib/actions/result";
import { toast } from "@/lib/toast";
import { DraftContext, keepable } from "./draft";

function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => JSON.stringify(a[name] ?? "") === JSON.stringify(b[name] ?? ""));
}

type Success<T> = Extract<ActionResult<T>, { ok: true }>;

export interface ActionFormOptions<V extends FieldValues, T> {
  schema: ZodType<V, V>;
  defaultValues: DefaultValues<V>;
  /** A server action, or a better-auth client call wrapped with `fromAuth` (lib/actions/result.ts). */
  action: (values: V) => Promise<ActionResult<T>>;
  /** After a success (the form is reset to `defaultValues` first unless `keepValues`). */
  onSuccess?: (result: Success<T>, values: V) => void | Promise<void>;
  /** Toast the success message (default true; a form that navigates away or shows the outcome in place says false). */
  toast?: boolean;
  /** Keep the values after a success instead of resetting them (settings forms). */
  keepValues?: boolean;
  /** A refusal code (or code prefix, like "PASSWORD_") whose message belongs under a field rather than above the form. */
  codeFields?: Readonly<Record<string, Path<V>>>;
}

export interface ActionForm<V extends FieldValues> {
  form: UseFormReturn<V>;
  /** The message above the form: the one error state of a form. */
  error: string | null;
  setError: (message: string | null) => void;
  /** The form's onSubmit: validates, runs the action (asking for a fresh sign-in when it needs one), reports. */
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
}

/**
 * The one way a console form runs: react-hook-form with the zod schema the server checks too, the action behind
 * `useStepUp` (FRESH_SIGN_IN_REQUIRED asks "Confirm it's you", then runs once more), the server's field errors onto
 * their fields, its sentence above the form or in a toast. Values typed into a dialog survive it closing
 * (components/forms/lazy-dialog.tsx).
 */
export function useActionForm<V extends FieldValues, T = undefined>(options: ActionFormOptions<V, T>): ActionForm<V> {
  const { schema, defaultValues, action, onSuccess, keepValues = false, codeFields } = options;
  const draft = useContext(DraftContext);
  const [error, setError] = useState<string | null>(null);
  const stepUp = useStepUp();
  const form = useForm<V>({
    resolver: zodResolver(schema),
    defaultValues: { ...defaultValues, ...(draft?.current ?? {}) } as DefaultValues<V>,
  });

  // What is left in the form when its dialog closes is kept, unless it is what the form starts from (after a success
  // the form is back at its defaults: a dialog whose defaults come from the page then opens on the new ones).
  const defaults = useRef(defaultValues);
  defaults.current = defaultValues;
  useEffect(() => {
    if (!draft) return;
    return () => {
      const left = keepable(form.getValues());
      const start = keepable({ ...defaults.current });
      draft.current = sameValues(left, start) ? undefined : left;
    };
  }, [draft, form]);

  const run = useCallback(
    async (values: V) => {
      setError(null);
      const result = await stepUp(() => action(values));
      if (!result.ok) {
        const fields = { ...result.fieldErrors };
        const code = result.code;
        const codeField = code
          ? Object.entries(codeFields ?? {}).find(([prefix]) => code.startsWith(prefix))?.[1]
          : undefined;
        if (codeField) fields[codeField] = result.error;
        for (const [name, message] of Object.entries(fields)) {
          if (name in form.getValues()) form.setError(name as Path<V>, { message });
        }
        if (!codeField) setError(result.error);
        return;
      }
      if (!keepValues) form.reset(defaultValues);
      else form.reset(values);
      if (draft) draft.current = undefined;
      if (options.toast !== false && result.message) toast.success(result.message);
      await onSuccess?.(result, values);
    },
    [action, codeFields, defaultValues, draft, form, keepValues, onSuccess, options.toast, stepUp],
  );

  return { form, error, setError, submit: form.handleSubmit(run), pending: form.formState.isSubmitting };
}
