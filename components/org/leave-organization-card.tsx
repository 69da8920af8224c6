"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/org/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";

interface LeaveOrganizationCardProps {
  organization: { id: string; name: string };
}

/** Leave the organization (better-auth refuses the last owner with a message saying what to do). */
export function LeaveOrganizationCard({ organization }: LeaveOrganizationCardProps) {
  const [open, setOpen] = useState(false);

  async function leave() {
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.leave({ organizationId: organization.id });
    if (error) return describeAuthError(error);
    window.location.assign("/");
    return null;
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Leave organization</CardTitle>
        <CardDescription>You lose access to this organization until someone invites you again.</CardDescription>
      </CardHeader>
      <CardFooter className="justify-end">
        <Button
          type="button"
          variant="outline"
          onClick={() => {
            preloadAuthClient();
            setOpen(true);
          }}
        >
          <LogOut aria-hidden /> Leave organization
        </Button>
      </CardFooter>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Leave ${organization.name}?`}
        description="You will no longer see its members, teams or settings."
        confirmLabel="Leave organization"
        destructive
        onConfirm={leave}
      />
    </Card>
  );
}
