import type { Metadata } from "next";
import { EndpointPage } from "@/components/webhooks/webhook-pages";
import { orgAllows, requireOrg } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Webhook endpoint" };

interface OrgEndpointPageProps {
  params: Promise<{ slug: string; endpointId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function OrgEndpointPage({ params, searchParams }: OrgEndpointPageProps) {
  const { slug, endpointId } = await params;
  const access = await requireOrg(slug, "webhooks");
  const [update, remove] = await Promise.all(
    (["update", "delete"] as const).map((action) => orgAllows(access, { webhook: [action] })),
  );
  return (
    <EndpointPage
      scope={{ kind: "organization", slug: access.org.slug }}
      resolved={{ organizationId: access.org.id }}
      basePath={`/org/${access.org.slug}/webhooks`}
      can={{ create: false, update: Boolean(update), delete: Boolean(remove) }}
      description=""
      endpointId={endpointId}
      searchParams={await searchParams}
    />
  );
}
