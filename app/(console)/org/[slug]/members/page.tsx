import { UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { BulkInviteDialog } from "@/components/org/bulk-invite/bulk-invite-dialog";
import { PeopleTabs } from "@/components/org/people-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { listMembersWithTeams, loadMembersPageWithTeams } from "@/db/queries/members";
import { memberFlags } from "@/lib/auth/flags";
import { requireOrg } from "@/lib/auth/guard";
import { BUILT_IN_ORG_ROLES } from "@/lib/auth/permissions";
import { MembersTable } from "./_components/members-table";
import { membersSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Members" };

interface MembersPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function MembersPage({ params, searchParams }: MembersPageProps) {
  const access = await requireOrg((await params).slug);
  const { org, member, session, can } = access;
  const roles = [...BUILT_IN_ORG_ROLES, ...access.customRoles];
  const query = membersSearchParams(roles).parse(await searchParams);
  const viewer = { id: member.id, role: member.role, may: { update: can.updateMembers, delete: can.removeMembers } };
  const inviteRoles = roles.filter((role) => can.owner || role !== "owner");
  const withFlags = (page: Awaited<ReturnType<typeof listMembersWithTeams>>) => ({
    ...page,
    flags: memberFlags(viewer, page.data),
  });
  // Only those who may invite get the teams (the bulk dialog offers them), read in the same D1 call as the page.
  let teams: { id: string; name: string }[] = [];
  let membersPromise: Promise<ReturnType<typeof withFlags>>;
  if (can.invitations) {
    const loaded = await loadMembersPageWithTeams(org.id, query);
    teams = loaded.teams;
    membersPromise = Promise.resolve(withFlags(loaded.page));
  } else {
    membersPromise = listMembersWithTeams(org.id, query).then(withFlags);
  }
  return (
    <>
      <PageHeader
        title="Members"
        description={<span data-testid="org-name">{org.name}</span>}
        actions={
          can.invitations ? (
            <div className="flex flex-wrap gap-2">
              <BulkInviteDialog slug={org.slug} roles={inviteRoles} teams={teams} />
              <Button asChild>
                <Link href={`/org/${org.slug}/invitations`}>
                  <UserPlus aria-hidden /> Invite members
                </Link>
              </Button>
            </div>
          ) : null
        }
      />
      {can.invitations ? <PeopleTabs slug={org.slug} current="members" /> : null}
      <TableSuspense skeleton={<DataTableSkeleton columnCount={6} filterCount={1} />}>
        <MembersTable
          promise={membersPromise}
          roles={roles}
          organization={{ id: org.id, slug: org.slug }}
          me={{ memberId: member.id, userId: session.user.id }}
          can={can}
        />
      </TableSuspense>
    </>
  );
}
