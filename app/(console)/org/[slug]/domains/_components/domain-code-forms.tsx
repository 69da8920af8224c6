"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { DomainRow } from "@/db/queries/domains";
import { sendDomainCodeAction } from "@/lib/actions/organization/send-domain-code";
import { verifyDomainCodeAction } from "@/lib/actions/organization/verify-domain-code";
import {
  type DomainCode,
  type DomainCodeRecipient,
  domainCodeRecipientSchema,
  domainCodeSchema,
} from "@/lib/validations/organization-rules";

interface DomainCodeFormsProps {
  slug: string;
  domain: Pick<DomainRow, "id" | "domain" | "codePending" | "affiliationEmail">;
}

/** A code mailed to an address at the domain, then typed back: proves the organization's affiliation. */
export function DomainCodeForms({ slug, domain }: DomainCodeFormsProps) {
  const router = useRouter();
  const ref = { slug, domainId: domain.id };
  const send = useActionForm<DomainCodeRecipient>({
    schema: domainCodeRecipientSchema,
    defaultValues: { localPart: "" },
    keepValues: true,
    action: (values) => sendDomainCodeAction({ ...values, ...ref }),
    onSuccess: () => router.refresh(),
  });
  const verify = useActionForm<DomainCode>({
    schema: domainCodeSchema,
    defaultValues: { code: "" },
    action: (values) => verifyDomainCodeAction({ ...values, ...ref }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="grid gap-3">
      <ActionForm
        state={send}
        aria-label={`Email a code for ${domain.domain}`}
        className="flex flex-wrap items-start gap-3"
      >
        <div className="min-w-56 flex-1">
          <TextField
            control={send.form.control}
            name="localPart"
            label={`Address at ${domain.domain}`}
            placeholder="it-team"
            autoComplete="off"
            description={`We email a code to this address @${domain.domain}.`}
          />
        </div>
        <Button
          type="submit"
          variant="outline"
          className="mt-[1.375rem]"
          disabled={send.pending}
          aria-busy={send.pending}
        >
          {send.pending ? <Spinner /> : null} Send code
        </Button>
      </ActionForm>
      {domain.codePending ? (
        <ActionForm
          state={verify}
          aria-label={`Enter the code for ${domain.domain}`}
          className="flex flex-wrap items-start gap-3"
        >
          <div className="min-w-40">
            <TextField
              control={verify.form.control}
              name="code"
              label="Code from the email"
              autoComplete="one-time-code"
              description={domain.affiliationEmail ? `Sent to ${domain.affiliationEmail}.` : undefined}
            />
          </div>
          <Button type="submit" className="mt-[1.375rem]" disabled={verify.pending} aria-busy={verify.pending}>
            {verify.pending ? <Spinner /> : null} Verify
          </Button>
        </ActionForm>
      ) : null}
    </div>
  );
}
