"use client";

import { type RefObject, useEffect } from "react";
import type { FieldPath, FieldPathValue, FieldValues, UseFormReturn } from "react-hook-form";

/**
 * A form that loads in its own chunk hydrates a moment after the server's HTML is on screen, and text typed into it in
 * that moment is in the DOM but not in react-hook-form (React keeps the DOM value while hydrating and fires no change).
 * On mount this copies such text into the form, so nothing the user typed is lost or silently replaced.
 */
export function useKeepTypedValues<T extends FieldValues>(
  form: UseFormReturn<T>,
  formRef: RefObject<HTMLFormElement | null>,
  names: ReadonlyArray<FieldPath<T>>,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, right after hydration
  useEffect(() => {
    const element = formRef.current;
    if (!element) return;
    for (const name of names) {
      const control = element.elements.namedItem(name);
      if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) continue;
      if (control.value !== form.getValues(name)) {
        form.setValue(name, control.value as FieldPathValue<T, FieldPath<T>>, { shouldDirty: true });
      }
    }
  }, []);
}
