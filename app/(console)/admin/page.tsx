import { and, count, eq, gt, isNull, or } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { auditEvent, organization, user } from "@/db/schema";
import { requireStaff } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage() {
  await requireStaff();
  const db = await getDb();
  const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [[users], [banned], [orgs], [events]] = await db.batch([
    db.select({ n: count() }).from(user),
    db
      .select({ n: count() })
      .from(user)
      .where(and(eq(user.banned, true), or(isNull(user.banExpires), gt(user.banExpires, new Date())))),
    db.select({ n: count() }).from(organization),
    db.select({ n: count() }).from(auditEvent).where(gt(auditEvent.at, dayAgo)),
  ]);
  const cards = [
    { href: "/admin/users", label: "Users", value: users?.n ?? 0 },
    { href: "/admin/users?status=banned", label: "Banned now", value: banned?.n ?? 0 },
    { href: "/admin/organizations", label: "Organizations", value: orgs?.n ?? 0 },
    { href: "/admin/audit", label: "Audit events (24 h)", value: events?.n ?? 0 },
  ];
  return (
    <>
      <PageHeader title="Admin" description="The whole platform at a glance." />
      <ul className="grid max-w-4xl gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <li key={card.href}>
            <Link href={card.href} className="block rounded-xl focus-visible:ring-2 focus-visible:ring-ring">
              <Card className="transition-colors hover:bg-muted/50">
                <CardHeader>
                  <CardDescription>{card.label}</CardDescription>
                  <CardTitle className="text-3xl tabular-nums">{card.value}</CardTitle>
                </CardHeader>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
