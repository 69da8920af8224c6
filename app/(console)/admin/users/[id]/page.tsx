import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { getAccountLock } from "@/db/queries/account-lock";
import { listAuditEvents } from "@/db/queries/audit";
import { listPasskeys } from "@/db/queries/passkeys";
import { getUserDetail } from "@/db/queries/users";
import { staffFlags } from "@/lib/auth/flags";
import { isOperator, requireStaff } from "@/lib/auth/guard";
import { staffMaySeeSessionsOf } from "@/lib/auth/permissions";
import { RoleBadge } from "../../_components/role-badge";
import { UserStatusBadge } from "../../_components/user-status-badge";
import { UserAccountCards } from "./_components/user-account-cards";
import { UserActions } from "./_components/user-actions";
import { UserAuditTable } from "./_components/user-audit-table";
import { UserPasskeysCard } from "./_components/user-passkeys-card";
import { UserSessionsTable } from "./_components/user-sessions-table";
import { userAuditSearchParams } from "./search-params";

export const metadata: Metadata = { title: "User" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UserPage(props: { params: Params; searchParams: SearchParams }) {
  const session = await requireStaff();
  const { id } = await props.params;
  const user = await getUserDetail(id);
  if (!user) notFound();
  const audit = userAuditSearchParams.parse(await props.searchParams);
  const auditPromise = listAuditEvents(
    { involving: user.id },
    { perPage: audit.perPage, offset: audit.offset, oldestFirst: !audit.sort.desc },
  );
  const [lockedUntil, passkeys] = await Promise.all([getAccountLock(user), listPasskeys(user.id)]);
  const viewer = { id: session.user.id, operator: isOperator(session.user) };
  const can = staffFlags(session.user, user);
  // Support does not see staff sessions (the endpoints refuse it too): they are not sent to the browser at all.
  const seesSessions = staffMaySeeSessionsOf(session.user, user);
  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {user.email} <RoleBadge role={user.role} />
            <UserStatusBadge banned={user.banned} banExpires={user.banExpires} />
          </span>
        }
        actions={<UserActions user={user} can={can} />}
      />
      <div className="grid gap-6">
        <UserAccountCards user={user} viewer={viewer} can={can} lockedUntil={lockedUntil} />
        <UserPasskeysCard userId={user.id} email={user.email} passkeys={passkeys} canRemove={can.removePasskey} />
        <section aria-labelledby="sessions-heading" className="grid gap-3">
          <h2 id="sessions-heading" className="font-medium text-lg">
            Sessions
          </h2>
          {seesSessions ? (
            <UserSessionsTable
              userId={user.id}
              sessions={user.sessions}
              more={user.moreSessions}
              canRevoke={seesSessions}
            />
          ) : (
            <p className="text-muted-foreground text-sm">Support staff cannot see or end the sessions of staff.</p>
          )}
        </section>
        <section aria-labelledby="audit-heading" className="grid gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="audit-heading" className="font-medium text-lg">
              Audit trail
            </h2>
            <Link href={`/admin/audit?target=${user.id}`} className="text-sm underline underline-offset-2">
              Open what was done to them in the audit trail
            </Link>
          </div>
          <TableSuspense skeleton={<DataTableSkeleton columnCount={7} withToolbar={false} rowCount={5} />}>
            <UserAuditTable promise={auditPromise} />
          </TableSuspense>
        </section>
      </div>
    </>
  );
}
