import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { listAuditActions, listAuditEvents } from "@/db/queries/audit";
import { requireStaff } from "@/lib/auth/guard";
import { AuditTable } from "./_components/audit-table";
import { auditSearchParams, parseAuditFilter } from "./search-params";

export const metadata: Metadata = { title: "Audit trail" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage(props: { searchParams: SearchParams }) {
  await requireStaff();
  const searchParams = await props.searchParams;
  const query = auditSearchParams.parse(searchParams);
  const filter = parseAuditFilter(searchParams);
  const eventsPromise = listAuditEvents(filter, {
    perPage: query.perPage,
    offset: query.offset,
    oldestFirst: !query.sort.desc,
  });
  const actions = await listAuditActions();
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every operator and organization action: who, for whom, why, from where."
      />
      <TableSuspense skeleton={<DataTableSkeleton columnCount={7} filterCount={4} actionCount={1} />}>
        <AuditTable promise={eventsPromise} actions={actions} />
      </TableSuspense>
    </>
  );
}
