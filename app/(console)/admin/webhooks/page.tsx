import type { Metadata } from "next";
import { WebhooksListPage } from "@/components/webhooks/webhook-pages";
import { requireOperator } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Webhooks" };

export default async function AdminWebhooksPage() {
  await requireOperator();
  return (
    <WebhooksListPage
      scope={{ kind: "platform" }}
      resolved={{ organizationId: null }}
      basePath="/admin/webhooks"
      can={{ create: true, update: true, delete: true }}
      description="Platform endpoints: every event of every user and organization, signed, for your product's backend."
    />
  );
}
