import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { SuggestedOrganizations } from "@/components/org/suggested-organizations";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { suggestedOrganizationsRead } from "@/db/queries/domains";
import { listMyOrganizationAccess, requireSession } from "@/lib/auth/guard";
import { readWithSession } from "@/lib/auth/server";
import { domainOfEmail } from "@/lib/organization/join-modes";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const { user } = await requireSession();
  const [organizations, suggested] = await Promise.all([
    listMyOrganizationAccess(), // the layout read them already (one statement)
    // In the session check's D1 call on a page load (app/(console)/page-reads.ts).
    user.emailVerified ? readWithSession(suggestedOrganizationsRead(user.id, domainOfEmail(user.email))) : [],
  ]);
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} description="Your organizations and account at a glance." />
      <section aria-labelledby="orgs-heading" className="grid gap-4">
        <h2 id="orgs-heading" className="font-medium text-lg">
          Your organizations
        </h2>
        {organizations.length === 0 ? (
          <div className="rounded-lg border border-dashed p-8 text-center text-muted-foreground">
            <Building2 className="mx-auto mb-2 size-8" aria-hidden />
            <p>You are not a member of any organization yet.</p>
            <p className="text-sm">
              Create one with "Create organization" in the organization menu at the top of the navigation, or ask an
              organization's owner to invite you.
            </p>
          </div>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {organizations.map((org) => (
              <li key={org.id}>
                <Link
                  href={`/org/${org.slug}`}
                  className="block rounded-xl focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <Card className="transition-colors hover:bg-muted/50">
                    <CardHeader>
                      <CardTitle className="flex items-center justify-between gap-2">
                        <span className="truncate">{org.name}</span>
                        <Badge variant="secondary">{org.role}</Badge>
                      </CardTitle>
                      <CardDescription>/{org.slug}</CardDescription>
                    </CardHeader>
                  </Card>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {suggested.length > 0 ? <SuggestedOrganizations organizations={suggested} /> : null}
    </>
  );
}
