import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { listMySessions } from "@/db/queries/sessions";
import { requireSession } from "@/lib/auth/guard";
import type { SessionsPage as SessionsData } from "./_components/session-row";
import { toSessionRow } from "./_components/session-row";
import { SessionsTable } from "./_components/sessions-table";
import { sessionsSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Sessions" };

interface SessionsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SessionsPage({ searchParams }: SessionsPageProps) {
  const { user, session } = await requireSession();
  const query = sessionsSearchParams.parse(await searchParams);
  const sessions: Promise<SessionsData> = listMySessions(user.id, query).then(({ data, pageCount, rowCount }) => ({
    rows: data.map((s) => toSessionRow(s, session.id)),
    pageCount,
    rowCount,
  }));
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Where your account is signed in. Sign out any session you do not recognise."
      />
      <TableSuspense skeleton={<DataTableSkeleton columnCount={5} />}>
        <SessionsTable promise={sessions} />
      </TableSuspense>
    </>
  );
}
