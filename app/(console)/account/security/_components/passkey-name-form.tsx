"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadPasskeyClient } from "@/lib/auth/load-client";
import { passkeyNameFormSchema, type PasskeyNameForm as Values } from "@/lib/validations/passkeys";

interface PasskeyNameFormProps {
  /** The passkey to rename; without it, a new passkey is named and registered. */
  passkey?: { id: string; name: string };
  onDone: () => void;
}

/** Names a new passkey (then runs the browser's registration), or renames one. */
export function PasskeyNameForm({ passkey, onDone, close }: PasskeyNameFormProps & DialogFormProps) {
  const state = useActionForm<Values, unknown>({
    schema: passkeyNameFormSchema,
    defaultValues: { name: passkey?.name ?? "" },
    action: async ({ name }) => {
      const client = await loadPasskeyClient();
      if (passkey) return fromAuth(await client.passkey.updatePasskey({ id: passkey.id, name }), "Passkey renamed.");
      return fromAuth(await client.passkey.addPasskey({ name }), "Passkey added: you can sign in with it now.");
    },
    onSuccess: () => {
      close();
      onDone();
    },
  });
  const label = passkey ? "Rename" : "Continue";
  return (
    <ActionForm state={state}>
      <TextField
        control={state.form.control}
        name="name"
        label="Name"
        placeholder="Work laptop"
        autoComplete="off"
        autoFocus
      />
      <DialogFooter>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} {label}
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
