import { count, eq } from "drizzle-orm";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { member } from "@/db/schema";
import { requireOrg } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Organization" };

interface OrgPageProps {
  params: Promise<{ slug: string }>;
}

export default async function OrgPage({ params }: OrgPageProps) {
  const { org, member: me } = await requireOrg((await params).slug);
  const db = await getDb();
  const [members] = await db.select({ n: count() }).from(member).where(eq(member.organizationId, org.id));
  return (
    <>
      <PageHeader title={org.name} description={`/${org.slug}`} />
      <Card className="max-w-xl">
        <CardContent>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
            <dt className="text-muted-foreground">Your role</dt>
            <dd>
              <Badge variant="secondary">{me.role}</Badge>
            </dd>
            <dt className="text-muted-foreground">Members</dt>
            <dd>{members?.n ?? 0}</dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <time dateTime={org.createdAt.toISOString()}>{org.createdAt.toLocaleDateString("en")}</time>
            </dd>
          </dl>
        </CardContent>
      </Card>
    </>
  );
}
