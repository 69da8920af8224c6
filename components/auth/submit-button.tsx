"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/lib/hooks/use-hydrated";

interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
}

/**
 * A full-width submit button that shows progress and cannot be pressed twice. It stays disabled until the page is
 * interactive: pressed earlier, the browser would submit the form natively (a GET with the fields in the URL).
 */
export function SubmitButton({ pending, children, pendingLabel }: SubmitButtonProps) {
  const hydrated = useHydrated();
  return (
    <Button type="submit" className="w-full" disabled={pending || !hydrated} aria-busy={pending}>
      {pending ? (
        <>
          <Spinner /> {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
