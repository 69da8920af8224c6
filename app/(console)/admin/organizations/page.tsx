import type { Metadata } from "next";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { TableSuspense } from "@/components/data-table/table-suspense";
import { PageHeader } from "@/components/shell/page-header";
import { listAllOrganizations } from "@/db/queries/admin-organizations";
import { requireStaff } from "@/lib/auth/guard";
import { OrganizationsTable } from "./_components/organizations-table";
import { organizationsSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Organizations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizationsPage(props: { searchParams: SearchParams }) {
  await requireStaff();
  const query = organizationsSearchParams.parse(await props.searchParams);
  const organizationsPromise = listAllOrganizations(query);
  return (
    <>
      <PageHeader title="Organizations" description="Every organization on the platform (read-only)." />
      <TableSuspense skeleton={<DataTableSkeleton columnCount={4} />}>
        <OrganizationsTable promise={organizationsPromise} />
      </TableSuspense>
    </>
  );
}
