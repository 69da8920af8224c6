"use client";

import { createContext, type ReactNode, useContext } from "react";

const ReadOnlyContext = createContext<string | null>(null);

/**
 * Why every form below is read-only (e.g. "Not available while impersonating"), or null. The server refuses the
 * writes anyway (impersonation is read-only); this shows it before anyone types.
 */
export function ReadOnlyProvider({ reason, children }: { reason: string | null; children: ReactNode }) {
  return <ReadOnlyContext value={reason}>{children}</ReadOnlyContext>;
}

/** The reason forms are read-only here, or null when they are not. */
export function useReadOnlyReason(): string | null {
  return useContext(ReadOnlyContext);
}
