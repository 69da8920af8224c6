"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
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
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { type ActionResult, UNEXPECTED_ERROR } from "@/lib/actions/result";
import { toast } from "@/lib/toast";
import type { ConfirmActionProps } from "./confirm-action";

type DialogProps = Omit<ConfirmActionProps, "children" | "triggerLabel" | "variant" | "size" | "open"> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** The dialog of `ConfirmAction` (components/confirm-action.tsx), loaded when it first opens. */
export function ConfirmActionDialog({
  title,
  description,
  confirmLabel,
  pendingLabel,
  destructive = false,
  typedConfirmation,
  action,
  onDone,
  toast: toastOnSuccess = true,
  open,
  onOpenChange,
  details,
}: DialogProps) {
  const router = useRouter();
  const stepUp = useStepUp();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const blocked = typedConfirmation !== undefined && typed.trim() !== typedConfirmation;

  function change(next: boolean) {
    if (pending) return;
    if (!next) {
      setError(null);
      setTyped("");
    }
    onOpenChange(next);
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
    onOpenChange(false);
    if (toastOnSuccess && result.message) toast.success(result.message);
    if (onDone) onDone(result);
    else router.refresh();
  }

  return (
    <AlertDialog open={open} onOpenChange={change}>
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
