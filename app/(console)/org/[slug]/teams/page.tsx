import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { getEnv } from "@/db";
import { listTeams } from "@/db/queries/teams";
import { requireOrg } from "@/lib/auth/guard";
import { orgLimits } from "@/lib/auth/org-limits";
import { CreateTeamDialog } from "./_components/team-name-dialog";
import { TeamsTable } from "./_components/teams-table";
import { teamsSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Teams" };

interface TeamsPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function TeamsPage({ params, searchParams }: TeamsPageProps) {
  const { org, can } = await requireOrg((await params).slug);
  const query = teamsSearchParams.parse(await searchParams);
  const teamsPromise = listTeams(org.id, query);
  const limits = orgLimits(await getEnv());
  return (
    <>
      <PageHeader
        title="Teams"
        description={`Groups of members in ${org.name} (at most ${limits.teams}).`}
        actions={can.createTeams ? <CreateTeamDialog organizationId={org.id} /> : null}
      />
      <TableSuspense skeleton={<DataTableSkeleton columnCount={4} />}>
        <TeamsTable
          promise={teamsPromise}
          organization={{ id: org.id, slug: org.slug }}
          can={{ update: can.updateTeams, delete: can.deleteTeams }}
          canCreate={can.createTeams}
        />
      </TableSuspense>
    </>
  );
}
