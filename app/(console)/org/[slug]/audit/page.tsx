import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { listOrgAuditEvents } from "@/db/queries/org-audit";
import { requireOrg } from "@/lib/auth/guard";
import { AuditTable } from "./_components/audit-table";
import { auditSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Audit trail" };

interface AuditPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AuditPage({ params, searchParams }: AuditPageProps) {
  const { org } = await requireOrg((await params).slug, "audit");
  const query = auditSearchParams.parse(await searchParams);
  const eventsPromise = listOrgAuditEvents(org.id, query);
  return (
    <>
      <PageHeader title="Audit trail" description={`Who changed what in ${org.name}.`} />
      <TableSuspense skeleton={<DataTableSkeleton columnCount={5} filterCount={1} />}>
        <AuditTable promise={eventsPromise} />
      </TableSuspense>
    </>
  );
}
