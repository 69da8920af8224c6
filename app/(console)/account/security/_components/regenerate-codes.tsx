"use client";

import { BackupCodes } from "@/components/account/backup-codes";
import { PasswordConfirmForm } from "@/components/account/password-confirm-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";

async function regenerate(password: string) {
  const { twoFactor } = await loadAuthClient();
  return fromAuth(
    await twoFactor.generateBackupCodes({ password }),
    "New backup codes issued. The old ones no longer work.",
  );
}

interface RegenerateCodesProps {
  /** The codes just issued (held by the dialog's owner, which words its description after them). */
  codes: string[] | null;
  onCodes: (codes: string[]) => void;
}

/** The password, then the new backup codes (shown once): the body of the "New backup codes" dialog. */
export function RegenerateCodes({ codes, onCodes, close }: RegenerateCodesProps & DialogFormProps) {
  if (codes) {
    return (
      <>
        <BackupCodes codes={codes} />
        <div className="flex justify-end">
          <Button onClick={close}>Done</Button>
        </div>
      </>
    );
  }
  return (
    <PasswordConfirmForm
      submitLabel="Issue new codes"
      pendingLabel="Issuing…"
      action={regenerate}
      onSuccess={({ data }) => {
        if (data) onCodes(data.backupCodes);
      }}
    />
  );
}
