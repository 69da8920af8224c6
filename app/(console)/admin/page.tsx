import { count } from "drizzle-orm";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { organization, user } from "@/db/schema";
import { requireOperator } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  await requireOperator();
  const db = await getDb();
  const [[users], [orgs]] = await db.batch([
    db.select({ n: count() }).from(user),
    db.select({ n: count() }).from(organization),
  ]);
  return (
    <>
      <PageHeader title="Admin" description="The whole platform at a glance." />
      <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader>
            <CardDescription>Users</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{users?.n ?? 0}</CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Organizations</CardDescription>
            <CardTitle className="text-3xl tabular-nums">{orgs?.n ?? 0}</CardTitle>
          </CardHeader>
        </Card>
      </div>
    </>
  );
}
