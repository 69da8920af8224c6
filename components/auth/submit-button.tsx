"use client";

import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/lib/hooks/use-hydrated";

interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
  variant?: ButtonProps["variant"];
  /** Full width unless told otherwise (a card's or a dialog's button sits at the end of its row). */
  className?: string;
}

/**
 * A submit button that shows progress and cannot be pressed twice. It stays disabled until the page is interactive:
 * pressed earlier, the browser would submit the form natively (a GET with the fields in the URL).
 */
export function SubmitButton({ pending, children, pendingLabel, variant, className = "w-full" }: SubmitButtonProps) {
  const hydrated = useHydrated();
  return (
    <Button type="submit" variant={variant} className={className} disabled={pending || !hydrated} aria-busy={pending}>
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
