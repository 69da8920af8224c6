"use client";

import { Trash2 } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { deleteOrganization, preloadOrganizationWrites } from "@/lib/organization/writes";

interface DeleteOrganizationCardProps {
  organization: { id: string; name: string; slug: string };
}

/** Owner only: deletes the organization with its members, teams, roles and invitations, after typing its slug. */
export function DeleteOrganizationCard({ organization }: DeleteOrganizationCardProps) {
  return (
    <Card className="border-destructive/50">
      <CardHeader>
        <CardTitle>Delete organization</CardTitle>
        <CardDescription>
          Deletes the organization, its memberships, teams, custom roles and invitations. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardFooter className="justify-end">
        <ConfirmAction
          title={`Delete ${organization.name}?`}
          description="Everyone loses access at once."
          confirmLabel="Delete organization"
          destructive
          typedConfirmation={organization.slug}
          action={() => deleteOrganization(organization.id)}
          onDone={() => window.location.assign("/")}
          onOpenChange={(open) => open && preloadOrganizationWrites()}
          size="default"
        >
          <Trash2 aria-hidden /> Delete organization
        </ConfirmAction>
      </CardFooter>
    </Card>
  );
}
