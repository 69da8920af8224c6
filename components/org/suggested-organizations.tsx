import { Building2 } from "lucide-react";
import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SuggestedOrganization } from "@/db/queries/domains";
import { requestToJoinAction } from "@/lib/actions/organization/request-to-join";

/** Organizations that suggest themselves to the person's verified address (a domain in "suggest" mode). */
export function SuggestedOrganizations({ organizations }: { organizations: SuggestedOrganization[] }) {
  return (
    <section aria-labelledby="suggested-heading" className="grid gap-4">
      <h2 id="suggested-heading" className="font-medium text-lg">
        Organizations you can join
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {organizations.map((org) => (
          <li key={org.id}>
            <Card>
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  <Building2 className="size-4" aria-hidden /> <span className="truncate">{org.name}</span>
                </CardTitle>
                <CardDescription>For people at {org.domain}</CardDescription>
                <CardAction>
                  {org.requested ? (
                    <Badge variant="secondary">Requested</Badge>
                  ) : (
                    <ActionButton
                      aria-label={`Request to join ${org.name}`}
                      action={requestToJoinAction.bind(null, { organizationId: org.id })}
                    >
                      Request to join
                    </ActionButton>
                  )}
                </CardAction>
              </CardHeader>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
