import type { Metadata } from "next";
import { Suspense } from "react";
import { parseRange, RangeLinks } from "@/components/activity/range-links";
import { LeaveOrganizationCard } from "@/components/org/leave-organization-card";
import { RoleBadges } from "@/components/org/role-badges";
import { PageHeader } from "@/components/shell/page-header";
import { ServerTime as Time } from "@/components/time/server-time";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { countMembers, countOwners } from "@/db/queries/members";
import { countTeams } from "@/db/queries/teams";
import { requireOrg } from "@/lib/auth/guard";
import { isOrgOwner } from "@/lib/auth/rules";
import { OrgActivity } from "./_components/org-activity";

export const metadata: Metadata = { title: "Organization" };

interface OrgPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ range?: string }>;
}

export default async function OrgPage({ params, searchParams }: OrgPageProps) {
  const { org, member: me, can } = await requireOrg((await params).slug);
  const range = parseRange((await searchParams).range);
  const [members, teams, owners] = await Promise.all([countMembers(org.id), countTeams(org.id), countOwners(org.id)]);
  return (
    <>
      <PageHeader title={org.name} description={`/org/${org.slug}`} />
      <div className="grid max-w-2xl gap-6">
        <Card>
          <CardContent>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
              <dt className="text-muted-foreground">Your role</dt>
              <dd>
                <RoleBadges role={me.role} />
              </dd>
              <dt className="text-muted-foreground">Members</dt>
              <dd>{members}</dd>
              <dt className="text-muted-foreground">Teams</dt>
              <dd>{teams}</dd>
              <dt className="text-muted-foreground">Created</dt>
              <dd>
                <Time value={org.createdAt} />
              </dd>
            </dl>
          </CardContent>
        </Card>
        <LeaveOrganizationCard
          organization={{ id: org.id, name: org.name, slug: org.slug }}
          soleOwner={isOrgOwner(me.role) && owners <= 1}
        />
      </div>
      {can.audit ? (
        <section aria-labelledby="activity-heading" className="mt-8 grid gap-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="activity-heading" className="font-semibold text-lg">
              Activity, last {range} days
            </h2>
            <RangeLinks pathname={`/org/${org.slug}`} range={range} />
          </div>
          <Suspense key={range} fallback={<Skeleton className="h-96 w-full" />}>
            <OrgActivity organizationId={org.id} slug={org.slug} members={members} range={range} />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}
