import type { ReactNode } from "react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The invite card's frame, the same for the form and for its placeholder while it loads. */
export function InviteMembersCard({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <Card aria-busy={busy}>
      <CardHeader>
        <CardTitle>Invite members</CardTitle>
        <CardDescription>
          Each address receives an email with a link to join. Invitations expire after 48 hours.
        </CardDescription>
      </CardHeader>
      {children}
    </Card>
  );
}
