"use client";

import { lazy, type ReactNode, Suspense, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { useReadOnlyReason } from "./forms/read-only";

type Success = Extract<ActionResult<unknown>, { ok: true }>;

// The dialog (Radix AlertDialog, the step-up retry, the typed confirmation) loads when it first opens: a page of
// rows with a confirmation each carries only its buttons in its first load.
const ConfirmActionDialog = lazy(() =>
  import("./confirm-action-dialog").then((module) => ({ default: module.ConfirmActionDialog })),
);

/** Starts loading the dialog, e.g. when the menu that opens it opens. */
export function preloadConfirmAction(): void {
  void import("./confirm-action-dialog");
}

export interface ConfirmActionProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** The confirm button's words while it runs (default: `confirmLabel`). */
  pendingLabel?: string;
  destructive?: boolean;
  /** The person must type this text before confirming (e.g. the organization's slug). */
  typedConfirmation?: string;
  /** Runs on confirmation, behind step-up. A failure stays in the dialog; a success closes it with a toast. */
  action: () => Promise<ActionResult<unknown>>;
  /** After a success (default: refresh the page's server data). */
  onDone?: (result: Success) => void;
  /** Toast the success message (default true). */
  toast?: boolean;
  /** A trigger button's content; without it the dialog is opened through `open` (menus, bulk actions). */
  children?: ReactNode;
  /** The trigger's accessible name when its text alone is ambiguous (e.g. "Sign out" on every row). */
  triggerLabel?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  open?: boolean;
  /** Told of every opening and closing: with `open` it controls the dialog; without, it only listens (to preload). */
  onOpenChange?: (open: boolean) => void;
  /** More content between the description and the buttons (a list of the users a bulk action is about). */
  details?: ReactNode;
}

/** The console's one confirmation, for single and bulk actions: asks, runs, keeps a failure in view, reports. */
export function ConfirmAction({
  children,
  triggerLabel,
  variant,
  size = "sm",
  open,
  onOpenChange,
  ...dialog
}: ConfirmActionProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const readOnly = useReadOnlyReason();
  const isOpen = open ?? ownOpen;
  // Mounted from the first opening on, so closing plays its animation and keeps the dialog's chunk loaded.
  const [opened, setOpened] = useState(false);
  if (isOpen && !opened) setOpened(true);

  function setOpen(next: boolean) {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  }

  return (
    <>
      {children ? (
        <Button
          type="button"
          variant={variant ?? (dialog.destructive ? "destructive" : "outline")}
          size={size}
          aria-label={triggerLabel}
          aria-haspopup="dialog"
          aria-expanded={isOpen}
          onPointerEnter={preloadConfirmAction}
          onFocus={preloadConfirmAction}
          onClick={() => setOpen(true)}
          // Read-only here (impersonating): the button says why instead of failing after the confirmation.
          disabled={readOnly !== null}
          title={readOnly ?? undefined}
        >
          {children}
        </Button>
      ) : null}
      {opened ? (
        <Suspense fallback={null}>
          <ConfirmActionDialog {...dialog} open={isOpen} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
