import type { Metadata } from "next";
import { EndpointPage } from "@/components/webhooks/webhook-pages";
import { requireOperator } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Webhook endpoint" };

interface AdminEndpointPageProps {
  params: Promise<{ endpointId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminEndpointPage({ params, searchParams }: AdminEndpointPageProps) {
  await requireOperator();
  return (
    <EndpointPage
      scope={{ kind: "platform" }}
      resolved={{ organizationId: null }}
      basePath="/admin/webhooks"
      can={{ create: false, update: true, delete: true }}
      description=""
      endpointId={(await params).endpointId}
      searchParams={await searchParams}
    />
  );
}
