import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { BulkInviteDialog } from "@/components/org/bulk-invite/bulk-invite-dialog";
import { PeopleTabs } from "@/components/org/people-tabs";
import { PageHeader } from "@/components/shell/page-header";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listAllTeams } from "@/db/queries/teams";
import { requireOrg } from "@/lib/auth/guard";
import { BUILT_IN_ORG_ROLES } from "@/lib/auth/permissions";
import { InvitationsTable } from "./_components/invitations-table";
import { InviteMembers } from "./_components/invite-members";
import { invitationsSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Invitations" };

interface InvitationsPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function InvitationsPage({ params, searchParams }: InvitationsPageProps) {
  const access = await requireOrg((await params).slug, "invitations");
  const { org, can } = access;
  const { customRoles } = access;
  const teams = await listAllTeams(org.id);
  // Only an owner invites owners (better-auth's rule); the server also refuses roles the inviter could not grant.
  const roles = [...BUILT_IN_ORG_ROLES.filter((role) => can.owner || role !== "owner"), ...customRoles];
  const query = invitationsSearchParams.parse(await searchParams);
  const invitationsPromise = listPendingInvitations(org.id, query);
  return (
    <>
      <PageHeader
        title="Invitations"
        description={`Invite people to ${org.name} by email.`}
        actions={<BulkInviteDialog slug={org.slug} roles={roles} teams={teams} />}
      />
      <PeopleTabs slug={org.slug} current="invitations" />
      <div className="grid gap-8">
        <InviteMembers organizationId={org.id} roles={roles} teams={teams} />
        <section aria-labelledby="pending-heading" className="grid gap-3">
          <h2 id="pending-heading" className="font-medium text-lg">
            Pending invitations
          </h2>
          <TableSuspense skeleton={<DataTableSkeleton columnCount={6} />}>
            <InvitationsTable
              promise={invitationsPromise}
              organizationId={org.id}
              slug={org.slug}
              roles={roles}
              canCancel={can.cancelInvitations}
            />
          </TableSuspense>
        </section>
      </div>
    </>
  );
}
