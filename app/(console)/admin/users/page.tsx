import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { usersPageRead } from "@/db/queries/users";
import { rowFlags } from "@/lib/auth/flags";
import { isOperator, requireStaff } from "@/lib/auth/guard";
import { readWithSession } from "@/lib/auth/server";
import { CreateUserDialog } from "./_components/create-user-dialog";
import { UsersTable } from "./_components/users-table";
import { usersSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage(props: { searchParams: SearchParams }) {
  const session = await requireStaff();
  const operator = isOperator(session.user);
  const query = usersSearchParams.parse(await props.searchParams);
  // In the session check's D1 call on a page load (app/(console)/page-reads.ts).
  const usersPromise = readWithSession(usersPageRead(query)).then((page) => ({
    ...page,
    can: rowFlags(session.user, page.data),
  }));
  return (
    <>
      <PageHeader
        title="Users"
        description="Every account on the platform."
        actions={operator ? <CreateUserDialog /> : null}
      />
      <TableSuspense skeleton={<DataTableSkeleton columnCount={8} filterCount={4} actionCount={1} />}>
        <UsersTable promise={usersPromise} canManage={operator} currentUserId={session.user.id} />
      </TableSuspense>
    </>
  );
}
