import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { mySessionsRead } from "@/db/queries/sessions";
import { requireSession } from "@/lib/auth/guard";
import { readWithSession } from "@/lib/auth/server";
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
  // In the session check's D1 call on a page load (app/(console)/page-reads.ts).
  const sessions: Promise<SessionsData> = readWithSession(mySessionsRead(user.id, query)).then(
    ({ data, pageCount, rowCount, capped }) => ({
      rows: data.map((s) => toSessionRow(s, session.id)),
      pageCount,
      rowCount,
      capped,
    }),
  );
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
