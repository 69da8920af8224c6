"use client";

import { createContext, lazy, type ReactNode, Suspense, useCallback, useContext, useRef, useState } from "react";
import { FRESH_SIGN_IN_REQUIRED } from "@/lib/auth/step-up-rules";

// The dialog and its better-auth client (~20 KiB gzip) load when a change first asks for a fresh sign-in: the
// provider sits in the console layout, so a static import put them in every console page's first load.
const StepUpDialog = lazy(() => import("./step-up-dialog").then((module) => ({ default: module.StepUpDialog })));

type Confirm = () => Promise<boolean>;

const StepUpContext = createContext<Confirm | null>(null);

/** Whether a server action's result or a better-auth client error asks for a fresh sign-in. */
export function needsFreshSignIn(result: unknown): boolean {
  const value = result as { code?: unknown; error?: unknown } | null | undefined;
  if (value?.code === FRESH_SIGN_IN_REQUIRED) return true;
  const error = value?.error as { code?: unknown } | null | undefined;
  return typeof error === "object" && error?.code === FRESH_SIGN_IN_REQUIRED;
}

/**
 * Wraps a sensitive call: runs it, and when the server answers FRESH_SIGN_IN_REQUIRED, asks the person to confirm
 * it's them (password, and their second factor when they have one), then runs it once more. Cancelled: the first
 * answer stands (its message says why nothing happened).
 */
export function useStepUp() {
  const confirm = useContext(StepUpContext);
  return useCallback(
    async <T,>(call: () => Promise<T>): Promise<T> => {
      const first = await call();
      if (!confirm || !needsFreshSignIn(first)) return first;
      return (await confirm()) ? call() : first;
    },
    [confirm],
  );
}

/** Holds the one "Confirm it's you" dialog of the console for `useStepUp`; `email` is the signed-in user's. */
export function StepUpProvider({ email, children }: { email: string; children: ReactNode }) {
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);

  const confirm = useCallback<Confirm>(
    () =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setOpen(true);
      }),
    [],
  );

  const finish = useCallback((confirmed: boolean) => {
    setOpen(false);
    resolver.current?.(confirmed);
    resolver.current = null;
  }, []);

  return (
    <StepUpContext.Provider value={confirm}>
      {children}
      {open ? (
        <Suspense fallback={null}>
          <StepUpDialog email={email} finish={finish} />
        </Suspense>
      ) : null}
    </StepUpContext.Provider>
  );
}
