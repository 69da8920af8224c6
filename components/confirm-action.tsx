"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { useStepUp } from "@/components/auth/step-up";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { type ActionResult, UNEXPECTED_ERROR } from "@/lib/actions/result";
import { toast } from "@/lib/toast";

type Success = Extract<ActionResult<unknown>, { ok: true }>;

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
  title,
  description,
  confirmLabel,
  pendingLabel,
  destructive = false,
  typedConfirmation,
  action,
  onDone,
  toast: toastOnSuccess = true,
  children,
  triggerLabel,
  variant,
  size = "sm",
  open,
  onOpenChange,
  details,
}: ConfirmActionProps) {
  const router = useRouter();
  const stepUp = useStepUp();
  const [ownOpen, setOwnOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const isOpen = open ?? ownOpen;
  const blocked = typedConfirmation !== undefined && typed.trim() !== typedConfirmation;

  function setOpen(next: boolean) {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  }

  function change(next: boolean) {
    if (pending) return;
    if (!next) {
      setError(null);
      setTyped("");
    }
    setOpen(next);
  }

  async function confirm() {
    setPending(true);
    setError(null);
    let result: ActionResult<unknown>;
    try {
      result = await stepUp(action);
    } catch {
      result = { ok: false, error: UNEXPECTED_ERROR };
    }
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setTyped("");
    setOpen(false);
    if (toastOnSuccess && result.message) toast.success(result.message);
    if (onDone) onDone(result);
    else router.refresh();
  }

  return (
    <AlertDialog open={isOpen} onOpenChange={change}>
      {children ? (
        <AlertDialogTrigger asChild>
          <Button variant={variant ?? (destructive ? "destructive" : "outline")} size={size} aria-label={triggerLabel}>
            {children}
          </Button>
        </AlertDialogTrigger>
      ) : null}
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {details}
        {error ? <FormAlert>{error}</FormAlert> : null}
        {typedConfirmation !== undefined ? (
          <div className="grid gap-2">
            <Label htmlFor="typed-confirmation">
              Type <span className="font-mono font-semibold">{typedConfirmation}</span> to confirm
            </Label>
            <Input
              id="typed-confirmation"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button
            type="button"
            variant={destructive ? "destructive" : "default"}
            disabled={pending || blocked}
            aria-busy={pending}
            onClick={() => void confirm()}
          >
            {pending ? <Spinner /> : null} {pending && pendingLabel ? pendingLabel : confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
