"use client";

import { LogOut, ShieldAlert } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { leaveOrganization, preloadOrganizationWrites } from "@/lib/organization/writes";

export interface RequiringOrganization {
  id: string;
  name: string;
  /** ISO time of the member's deadline. */
  deadline: string;
  /** The deadline has passed: the organization's pages and actions are closed until a second factor is used. */
  blocked: boolean;
  /** Formatted for people (UTC), on the server. */
  deadlineText: string;
}

interface TwoFactorRequiredCardProps {
  organizations: RequiringOrganization[];
  /** The account has a second factor: this session signed in without it. */
  hasSecondFactor: boolean;
}

/** On /account/security: which organizations require two-factor of this account, by when, and the way out. */
export function TwoFactorRequiredCard({ organizations, hasSecondFactor }: TwoFactorRequiredCardProps) {
  return (
    <Card className="border-destructive/50" data-testid="two-factor-required">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldAlert className="size-5" aria-hidden />
          <h2>Two-factor authentication required</h2>
        </CardTitle>
        <CardDescription>
          {hasSecondFactor
            ? "You signed in without your second factor. Sign out and sign in again with it to regain access."
            : "Set up an authenticator app or email codes below. Once it is on, you are back in."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y" aria-label="Organizations that require two-factor">
          {organizations.map((org) => (
            <li key={org.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <p className="text-sm">
                <span className="font-medium">{org.name}</span> {org.blocked ? "requires it since " : "requires it by "}
                <time dateTime={org.deadline}>{org.deadlineText}</time>
                {org.blocked ? ": its pages are closed to you until then." : "."}
              </p>
              <ConfirmAction
                title={`Leave ${org.name}?`}
                description="You will no longer see its members, teams or settings."
                confirmLabel="Leave organization"
                destructive
                triggerLabel={`Leave ${org.name}`}
                action={() => leaveOrganization(org.id)}
                onDone={() => window.location.assign("/account/security")}
                onOpenChange={(open) => open && preloadOrganizationWrites()}
                variant="outline"
              >
                <LogOut aria-hidden /> Leave
              </ConfirmAction>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
