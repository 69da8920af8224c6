import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { listAllMembers } from "@/db/queries/members";
import { getTeam, listTeamMembers, teamMemberIds } from "@/db/queries/teams";
import { requireOrg } from "@/lib/auth/guard";
import { TeamActions } from "../_components/team-actions";
import { teamMembersSearchParams } from "../search-params";
import { AddTeamMember } from "./_components/add-team-member";
import { TeamMembersTable } from "./_components/team-members-table";

export const metadata: Metadata = { title: "Team" };

interface TeamPageProps {
  params: Promise<{ slug: string; teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function TeamPage({ params, searchParams }: TeamPageProps) {
  const { slug, teamId } = await params;
  const { org, can } = await requireOrg(slug);
  // The team id comes from the URL: it is looked up inside this organization only.
  const team = await getTeam(org.id, teamId.slice(0, 64));
  if (!team) notFound();
  const query = teamMembersSearchParams.parse(await searchParams);
  const membersPromise = listTeamMembers(org.id, team.id, query);
  const candidates = can.updateMembers
    ? await Promise.all([listAllMembers(org.id), teamMemberIds(team.id)]).then(([all, inTeam]) =>
        all.filter((m) => !inTeam.includes(m.userId)),
      )
    : [];
  const base = `/org/${org.slug}/teams`;
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2">
        <Link href={base}>
          <ArrowLeft aria-hidden /> Teams
        </Link>
      </Button>
      <PageHeader
        title={team.name}
        description={`A team of ${org.name}.`}
        actions={
          <TeamActions
            team={team}
            organization={{ id: org.id, slug: org.slug }}
            can={{ update: can.updateTeams, delete: can.deleteTeams }}
            afterDelete={base}
          />
        }
      />
      <div className="grid gap-6">
        {can.updateMembers ? <AddTeamMember organizationId={org.id} teamId={team.id} candidates={candidates} /> : null}
        <TableSuspense skeleton={<DataTableSkeleton columnCount={5} />}>
          <TeamMembersTable
            promise={membersPromise}
            organizationId={org.id}
            teamId={team.id}
            canRemove={can.removeMembers}
          />
        </TableSuspense>
      </div>
    </>
  );
}
