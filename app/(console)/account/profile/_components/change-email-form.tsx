"use client";

import { useMemo, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { EmailField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { type ChangeEmail, changeEmailSchema } from "@/lib/validations/account";
import { AccountFormCard } from "../../_components/account-form-card";

interface ChangeEmailFormProps {
  email: string;
  verified: boolean;
}

/**
 * Asks better-auth to move the account to a new address, after a fresh sign-in: a verified address first confirms the
 * move from its own inbox, then the new one gets the link that completes it; an unverified one gets that link at once.
 */
export function ChangeEmailForm({ email, verified }: ChangeEmailFormProps) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      changeEmailSchema.refine((values) => values.newEmail.toLowerCase() !== email.toLowerCase(), {
        message: "This is already your email address.",
        path: ["newEmail"],
      }),
    [email],
  );
  const state = useActionForm<ChangeEmail, unknown>({
    schema,
    defaultValues: { newEmail: "" },
    action: async (values) => {
      setSentTo(null);
      const client = await loadAuthClient();
      return fromAuth(
        await client.changeEmail({
          newEmail: values.newEmail,
          callbackURL: `/account/profile?email=changed&to=${encodeURIComponent(values.newEmail.toLowerCase())}`,
        }),
        `Check ${verified ? email : values.newEmail} for a confirmation link.`,
      );
    },
    onSuccess: (_, values) => setSentTo(values.newEmail),
  });

  return (
    <AccountFormCard
      title="Email address"
      description={
        <>
          <span data-testid="current-email">{email}</span>
          <Badge variant={verified ? "secondary" : "destructive"}>{verified ? "Verified" : "Not verified"}</Badge>
        </>
      }
      descriptionClassName="flex flex-wrap items-center gap-2"
      state={state}
      label="Change email address"
      notice={
        sentTo ? (
          <FormAlert tone="success">
            {verified
              ? `We sent a confirmation link to ${email}, your current address. Once you confirm there, we send a link to ${sentTo} that completes the change.`
              : `We sent a confirmation link to ${sentTo}. Your address changes once you open it.`}
          </FormAlert>
        ) : null
      }
      submitLabel="Change email"
      pendingLabel="Sending link…"
    >
      <EmailField control={state.form.control} name="newEmail" label="New email address" />
    </AccountFormCard>
  );
}
