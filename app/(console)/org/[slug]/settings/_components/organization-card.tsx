import type { ReactNode } from "react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The settings card's frame, the same for the form and for its placeholder while it loads. */
export function OrganizationCard({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <Card aria-busy={busy}>
      <CardHeader>
        <CardTitle>Organization</CardTitle>
        <CardDescription>How the organization appears in the console and in invitation emails.</CardDescription>
      </CardHeader>
      {children}
    </Card>
  );
}
