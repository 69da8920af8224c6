"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/result";
import { BAN_EXPIRY_PRESETS, type BanDetails, type BanExpiry, banDetailsSchema } from "@/lib/validations/users";
import { ChoiceField, ReasonField } from "./operator-fields";

const EXPIRY_CHOICES = (Object.keys(BAN_EXPIRY_PRESETS) as BanExpiry[]).map((value) => ({
  value,
  label: BAN_EXPIRY_PRESETS[value].label,
}));

export interface BanFormProps {
  /** Bans one user or the selected ones (a server action, run behind step-up). */
  action: (details: BanDetails) => Promise<ActionResult<unknown>>;
  /** After a success; the dialog has closed. */
  onSuccess?: (result: Extract<ActionResult<unknown>, { ok: true }>) => void;
  /** Toast the action's sentence (default true; a bulk ban reports each user instead). */
  toast?: boolean;
}

/** Reason (required) and length of a ban (loaded with its dialog: react-hook-form and zod stay off the page). */
export function BanForm({ action, onSuccess, toast, close }: BanFormProps & DialogFormProps) {
  const state = useActionForm<BanDetails, unknown>({
    schema: banDetailsSchema,
    defaultValues: { reason: "", expiry: "1d" },
    action,
    toast,
    onSuccess: (result) => {
      close();
      onSuccess?.(result);
    },
  });

  return (
    <ActionForm state={state}>
      <ReasonField control={state.form.control} name="reason" placeholder="What happened, ticket number…" />
      <ChoiceField
        control={state.form.control}
        name="expiry"
        label="Length"
        groupLabel="Ban length"
        idPrefix="ban-expiry"
        choices={EXPIRY_CHOICES}
        className="flex flex-wrap gap-4"
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" variant="destructive" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Ban
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
