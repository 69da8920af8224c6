import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { listDomains, listPendingJoinRequests } from "@/db/queries/domains";
import { requireOrg } from "@/lib/auth/guard";
import { BUILT_IN_ORG_ROLES } from "@/lib/auth/roles";
import { AddDomainForm } from "./_components/add-domain-form";
import { DomainCard } from "./_components/domain-card";
import { JoinRequestsCard } from "./_components/join-requests-card";

export const metadata: Metadata = { title: "Domains" };

interface DomainsPageProps {
  params: Promise<{ slug: string }>;
}

export default async function DomainsPage({ params }: DomainsPageProps) {
  const { org, can, customRoles } = await requireOrg((await params).slug, "domains");
  const [domains, requests] = await Promise.all([
    listDomains(org.id),
    can.invitations ? listPendingJoinRequests(org.id) : Promise.resolve([]),
  ]);
  const roles = [...BUILT_IN_ORG_ROLES.filter((role) => role !== "owner"), ...customRoles];
  return (
    <>
      <PageHeader
        title="Domains"
        description={`People with a verified address at ${org.name}'s domains can find it and join.`}
      />
      <div className="grid max-w-3xl gap-6">
        {can.invitations ? <JoinRequestsCard slug={org.slug} requests={requests} /> : null}
        <AddDomainForm slug={org.slug} />
        {domains.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
            No domains yet. Add the domain of your company's email addresses.
          </p>
        ) : (
          domains.map((domain) => <DomainCard key={domain.id} slug={org.slug} domain={domain} roles={roles} />)
        )}
      </div>
    </>
  );
}
