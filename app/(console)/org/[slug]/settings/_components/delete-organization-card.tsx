"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/org/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";

interface DeleteOrganizationCardProps {
  organization: { id: string; name: string; slug: string };
}

/** Owner only: deletes the organization with its members, teams, roles and invitations, after typing its slug. */
export function DeleteOrganizationCard({ organization }: DeleteOrganizationCardProps) {
  const [open, setOpen] = useState(false);

  async function remove() {
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.delete({ organizationId: organization.id });
    if (error) return describeAuthError(error);
    window.location.assign("/");
    return null;
  }

  return (
    <Card className="border-destructive/50">
      <CardHeader>
        <CardTitle>Delete organization</CardTitle>
        <CardDescription>
          Deletes the organization, its memberships, teams, custom roles and invitations. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardFooter className="justify-end">
        <Button
          type="button"
          variant="destructive"
          onClick={() => {
            preloadAuthClient();
            setOpen(true);
          }}
        >
          <Trash2 aria-hidden /> Delete organization
        </Button>
      </CardFooter>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${organization.name}?`}
        description="Everyone loses access at once."
        confirmLabel="Delete organization"
        destructive
        typedConfirmation={organization.slug}
        onConfirm={remove}
      />
    </Card>
  );
}
