import { ConfirmAction } from "@/components/confirm-action";
import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DomainRow } from "@/db/queries/domains";
import { removeDomainAction } from "@/lib/actions/organization/remove-domain";
import { verifyDomainDnsAction } from "@/lib/actions/organization/verify-domain-dns";
import { DomainCodeForms } from "./domain-code-forms";
import { JoinModeForm } from "./join-mode-form";

interface DomainCardProps {
  slug: string;
  domain: DomainRow;
  roles: readonly string[];
}

/** One domain: how it is verified, the two ways to verify it, its join mode, and removing it. */
export function DomainCard({ slug, domain, roles }: DomainCardProps) {
  const ref = { slug, domainId: domain.id };
  const record = `gatehouse-verification=${domain.verificationToken}`;
  return (
    <Card data-testid={`domain-${domain.domain}`}>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          <h2>{domain.domain}</h2>
          {domain.ownershipVerifiedAt ? <Badge>Verified by DNS</Badge> : null}
          {domain.affiliationVerifiedAt ? <Badge variant="secondary">Verified by email</Badge> : null}
          {!domain.ownershipVerifiedAt && !domain.affiliationVerifiedAt ? (
            <Badge variant="outline">Not verified</Badge>
          ) : null}
        </CardTitle>
        <CardDescription>
          An email code is enough to suggest the organization; automatic joining needs the DNS record.
        </CardDescription>
        <CardAction>
          <ConfirmAction
            destructive
            variant="outline"
            triggerLabel={`Remove ${domain.domain}`}
            title={`Remove ${domain.domain}?`}
            description="Nobody new joins through it. Members who joined through it stay."
            confirmLabel="Remove domain"
            pendingLabel="Removing…"
            action={removeDomainAction.bind(null, ref)}
          >
            Remove
          </ConfirmAction>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-6">
        {domain.affiliationVerifiedAt ? null : (
          <section aria-label={`Verify ${domain.domain} by email`} className="grid gap-2">
            <h3 className="font-medium text-sm">Verify by email</h3>
            <DomainCodeForms slug={slug} domain={domain} />
          </section>
        )}
        {domain.ownershipVerifiedAt ? null : (
          <section aria-label={`Verify ${domain.domain} by DNS`} className="grid gap-2">
            <h3 className="font-medium text-sm">Verify by DNS record</h3>
            <p className="text-muted-foreground text-sm">
              Add this TXT record to {domain.domain} at your DNS provider, then check it.
            </p>
            <code className="break-all rounded-md bg-muted px-3 py-2 text-sm" data-testid="txt-record">
              {record}
            </code>
            <div>
              <ActionButton action={verifyDomainDnsAction.bind(null, ref)}>Check DNS record</ActionButton>
            </div>
          </section>
        )}
        <JoinModeForm slug={slug} domain={domain} roles={roles} />
      </CardContent>
    </Card>
  );
}
