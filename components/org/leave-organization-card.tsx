"use client";

import { LogOut } from "lucide-react";
import Link from "next/link";
import { ConfirmAction } from "@/components/confirm-action";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { leaveOrganization, preloadOrganizationWrites } from "@/lib/organization/writes";

interface LeaveOrganizationCardProps {
  organization: { id: string; name: string; slug: string };
  /** The viewer is its only owner: leaving is not offered (better-auth refuses it too), the card says what to do. */
  soleOwner?: boolean;
}

/** Leave the organization; its only owner is told how to hand it over instead. */
export function LeaveOrganizationCard({ organization, soleOwner = false }: LeaveOrganizationCardProps) {
  if (soleOwner) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Leave organization</CardTitle>
          <CardDescription>
            You are its only owner, so you cannot leave: an organization always keeps an owner. Make another member
            owner on the{" "}
            <Link href={`/org/${organization.slug}/members`} className="underline underline-offset-2">
              Members
            </Link>{" "}
            page first, or delete the organization in its settings.
          </CardDescription>
        </CardHeader>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Leave organization</CardTitle>
        <CardDescription>You lose access to this organization until someone invites you again.</CardDescription>
      </CardHeader>
      <CardFooter className="justify-end">
        <ConfirmAction
          title={`Leave ${organization.name}?`}
          description="You will no longer see its members, teams or settings."
          confirmLabel="Leave organization"
          destructive
          action={() => leaveOrganization(organization.id)}
          onDone={() => window.location.assign("/")}
          onOpenChange={(open) => open && preloadOrganizationWrites()}
          variant="outline"
          size="default"
        >
          <LogOut aria-hidden /> Leave organization
        </ConfirmAction>
      </CardFooter>
    </Card>
  );
}
