"use client";

import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { useTimeZone } from "@/components/time/time-zone";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/result";
import { formatInZone } from "@/lib/time-format";
import { BAN_EXPIRY_PRESETS, type BanDetails, type BanExpiry, banDetailsSchema } from "@/lib/validations/users";
import { ChoiceField, ReasonField } from "./operator-fields";

/** Each length with the moment it ends ("until 7 Dec 2026, 14:05"), read when the dialog opens. */
function expiryChoices(timeZone: string, now: number) {
  return (Object.keys(BAN_EXPIRY_PRESETS) as BanExpiry[]).map((value) => {
    const { label, seconds } = BAN_EXPIRY_PRESETS[value];
    const hint =
      seconds === null ? " (until lifted)" : ` (until ${formatInZone(new Date(now + seconds * 1000), timeZone)})`;
    return { value, label, hint };
  });
}

export interface BanFormProps {
  /** Bans one user or the selected ones (a server action, run behind step-up). */
  action: (details: BanDetails) => Promise<ActionResult<unknown>>;
  /** After a success; the dialog has closed. */
  onSuccess?: (result: Extract<ActionResult<unknown>, { ok: true }>) => void;
  /** Toast the action's sentence (default true; a bulk ban reports each user instead). */
  toast?: boolean;
}

/**
 * Reason and length of a ban, both required: no length is preselected, so a skimming operator does not ban for a day
 * by accident (loaded with its dialog: react-hook-form and zod stay off the page).
 */
export function BanForm({ action, onSuccess, toast, close }: BanFormProps & DialogFormProps) {
  const timeZone = useTimeZone();
  const [choices] = useState(() => expiryChoices(timeZone, Date.now()));
  const state = useActionForm<BanDetails, unknown>({
    schema: banDetailsSchema,
    // No default length: the schema answers "Choose how long the ban lasts." until one is picked.
    defaultValues: { reason: "", expiry: undefined as unknown as BanExpiry },
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
        choices={choices}
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
