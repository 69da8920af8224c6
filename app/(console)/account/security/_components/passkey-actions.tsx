"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/confirm-action";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadPasskeyClient } from "@/lib/auth/load-client";

const RenamePasskeyDialog = lazyDialog(() => import("./passkey-name-form").then((module) => module.PasskeyNameForm));

/** Rename and remove, for one of the account's passkeys. */
export function PasskeyActions({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  async function remove() {
    const client = await loadPasskeyClient();
    return fromAuth(await client.passkey.deletePasskey({ id }), "Passkey removed.");
  }
  return (
    <div className="flex gap-2">
      <RenamePasskeyDialog
        passkey={{ id, name: label }}
        title="Rename passkey"
        trigger={
          <Button variant="outline" size="sm" aria-label={`Rename ${label}`}>
            Rename
          </Button>
        }
        onDone={() => router.refresh()}
      />
      <ConfirmAction
        destructive
        variant="outline"
        triggerLabel={`Remove ${label}`}
        title="Remove this passkey?"
        description={`${label} will no longer sign you in. Remove it from the device or password manager too.`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        action={remove}
      >
        Remove
      </ConfirmAction>
    </div>
  );
}
