"use client";

import { LogOut } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { leaveOrganization, preloadOrganizationWrites } from "@/lib/organization/writes";

interface LeaveOrganizationCardProps {
  organization: { id: string; name: string };
}

/** Leave the organization (better-auth refuses the last owner with a message saying what to do). */
export function LeaveOrganizationCard({ organization }: LeaveOrganizationCardProps) {
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
