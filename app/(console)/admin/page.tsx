import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { parseRange, RangeLinks } from "@/components/activity/range-links";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { adminOverviewCounts } from "@/db/queries/admin-overview";
import { isOperator, requireStaff } from "@/lib/auth/guard";
import { baseURLCheck, socialProviders } from "@/lib/auth/providers";
import { NeedsAttention } from "./_components/needs-attention";
import { PlatformActivity } from "./_components/platform-activity";
import { SignInProvidersCard } from "./_components/sign-in-providers-card";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const session = await requireStaff();
  const range = parseRange((await searchParams).range);
  const [counts, providers, check] = await Promise.all([adminOverviewCounts(), socialProviders(), baseURLCheck()]);
  const cards = [
    { href: "/admin/users", label: "Users", value: counts.users },
    { href: "/admin/users?status=banned", label: "Banned now", value: counts.banned },
    { href: "/admin/organizations", label: "Organizations", value: counts.organizations },
    { href: "/admin/audit", label: "Audit events (24 h)", value: counts.events },
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
                  <CardTitle className="text-3xl tabular-nums">
                    {card.value.n.toLocaleString("en-US")}
                    {card.value.more ? "+" : ""}
                  </CardTitle>
                </CardHeader>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
      <Suspense fallback={<Skeleton className="mt-8 h-32 max-w-4xl" />}>
        <NeedsAttention />
      </Suspense>
      <section aria-labelledby="activity-heading" className="mt-8 grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="activity-heading" className="font-semibold text-lg">
            Activity, last {range} days
          </h2>
          <RangeLinks pathname="/admin" range={range} />
        </div>
        <Suspense key={range} fallback={<Skeleton className="h-96 w-full" />}>
          <PlatformActivity range={range} />
        </Suspense>
      </section>
      {isOperator(session.user) ? (
        <div className="mt-6">
          <SignInProvidersCard providers={providers} baseURL={check.baseURL} insecure={check.insecure} />
        </div>
      ) : null}
    </>
  );
}
