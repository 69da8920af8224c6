"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { useStepUp } from "@/components/auth/step-up";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/result";
import { toast } from "@/lib/toast";

interface ConfirmActionButtonProps {
  /** The button's text (and accessible name unless `ariaLabel` is given). */
  children: ReactNode;
  ariaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  /** Runs on confirmation; a failure stays in the dialog, a success closes it with a toast and refreshes the page. */
  action: () => Promise<ActionResult<unknown>>;
}

/** A button that asks first, then runs a server action and reports its sentence. */
export function ConfirmActionButton({
  children,
  ariaLabel,
  title,
  description,
  confirmLabel,
  destructive = false,
  variant,
  size = "sm",
  action,
}: ConfirmActionButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stepUp = useStepUp();

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await stepUp(action);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOpen(false);
    toast.success(result.message);
    router.refresh();
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={variant ?? (destructive ? "destructive" : "outline")} size={size} aria-label={ariaLabel}>
          {children}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={pending}
            className={destructive ? "bg-destructive text-white hover:bg-destructive/90" : undefined}
            onClick={(event) => {
              event.preventDefault();
              void confirm();
            }}
          >
            {pending ? <Spinner /> : null} {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
