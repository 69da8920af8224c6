import type { Metadata } from "next";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { PageHeader } from "@/components/shell/page-header";
import { listOrgAuditEvents } from "@/db/queries/org-audit";
import { requireOrg } from "@/lib/auth/guard";
import { settleOnPageLoad } from "@/lib/data-table/page-load";
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
  await settleOnPageLoad(eventsPromise);
  return (
    <>
      <PageHeader title="Audit trail" description={`Who changed what in ${org.name}.`} />
      <Suspense fallback={<DataTableSkeleton columnCount={5} filterCount={1} />}>
        <AuditTable promise={eventsPromise} />
      </Suspense>
    </>
  );
}
