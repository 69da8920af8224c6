"use client";

import { createContext, type RefObject } from "react";

/**
 * What was typed into a dialog's form, kept by its dialog (components/forms/lazy-dialog.tsx) while the form is
 * unmounted: a dialog closed by mistake opens again with the text in it. Secrets are never kept.
 */
export type Draft = RefObject<Record<string, unknown> | undefined>;

export const DraftContext = createContext<Draft | null>(null);

const SECRET = /(password|code|secret|token)$/i; // "newPassword", "backupCode"; not "passwordMode"

/** The values worth keeping: everything but secrets. */
export function keepable(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET.test(name)));
}
