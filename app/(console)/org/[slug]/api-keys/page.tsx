import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { listOrgApiKeys } from "@/db/queries/api-keys";
import { API_KEY_SCOPE_PERMISSIONS, API_KEY_SCOPES } from "@/lib/auth/api-key-scopes";
import { orgAllows, requireOrg } from "@/lib/auth/guard";
import { ApiKeysTable } from "./_components/api-keys-table";
import { CreateApiKeyDialog } from "./_components/create-api-key-dialog";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const access = await requireOrg((await params).slug, "apiKeys");
  const [create, revoke, ...held] = await Promise.all([
    orgAllows(access, { apiKey: ["create"] }),
    orgAllows(access, { apiKey: ["delete"] }),
    ...API_KEY_SCOPES.map((scope) => orgAllows(access, API_KEY_SCOPE_PERMISSIONS[scope])),
  ]);
  const keys = await listOrgApiKeys(access.org.id);
  return (
    <>
      <PageHeader
        title="API keys"
        description={`Keys let your own systems manage the members and invitations of ${access.org.name} through the provisioning API (/api/v1).`}
        actions={
          create ? (
            <CreateApiKeyDialog slug={access.org.slug} heldScopes={API_KEY_SCOPES.filter((_, i) => held[i])} />
          ) : null
        }
      />
      <ApiKeysTable data={keys} slug={access.org.slug} canRevoke={Boolean(revoke)} now={new Date()} />
    </>
  );
}
