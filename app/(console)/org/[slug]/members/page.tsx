import { UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { BulkInviteDialog } from "@/components/org/bulk-invite/bulk-invite-dialog";
import { PeopleTabs } from "@/components/org/people-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { membersPageRead } from "@/db/queries/members";
import { memberFlags } from "@/lib/auth/flags";
import { requireOrg } from "@/lib/auth/guard";
import { BUILT_IN_ORG_ROLES } from "@/lib/auth/permissions";
import { readWithSession } from "@/lib/auth/server";
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
  // In the session check's D1 call on a page load (app/(console)/page-reads.ts), with the organization's teams: only
  // those who may invite get those (the bulk dialog offers them).
  const loaded = await readWithSession(membersPageRead({ slug: org.slug, userId: session.user.id, id: org.id }, query));
  const teams = can.invitations ? loaded.teams : [];
  const membersPromise = Promise.resolve({
    ...loaded.page,
    flags: memberFlags(viewer, loaded.page.data),
  });
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
