import type { Metadata } from "next";
import { WebhooksListPage } from "@/components/webhooks/webhook-pages";
import { orgAllows, requireOrg } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Webhooks" };

export default async function OrgWebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const access = await requireOrg((await params).slug, "webhooks");
  const [create, update, remove] = await Promise.all(
    (["create", "update", "delete"] as const).map((action) => orgAllows(access, { webhook: [action] })),
  );
  return (
    <WebhooksListPage
      scope={{ kind: "organization", slug: access.org.slug }}
      resolved={{ organizationId: access.org.id }}
      basePath={`/org/${access.org.slug}/webhooks`}
      can={{ create: Boolean(create), update: Boolean(update), delete: Boolean(remove) }}
      description={`Signed events about ${access.org.name} (its members and settings), sent to your product.`}
    />
  );
}
