import type { Metadata } from "next";
import { LeaveOrganizationCard } from "@/components/org/leave-organization-card";
import { PageHeader } from "@/components/shell/page-header";
import { countOwners } from "@/db/queries/members";
import { requireOrg } from "@/lib/auth/guard";
import { isOrgOwner } from "@/lib/auth/rules";
import { DeleteOrganizationCard } from "./_components/delete-organization-card";
import { OrganizationSettings } from "./_components/organization-settings";

export const metadata: Metadata = { title: "Organization settings" };

interface SettingsPageProps {
  params: Promise<{ slug: string }>;
}

export default async function SettingsPage({ params }: SettingsPageProps) {
  const { org, can, member } = await requireOrg((await params).slug, "settings");
  const owners = isOrgOwner(member.role) ? await countOwners(org.id) : 0;
  const organization = { id: org.id, name: org.name, slug: org.slug, logo: org.logo ?? "" };
  return (
    <>
      <PageHeader title="Settings" description={<span data-testid="org-name">{org.name}</span>} />
      <div className="grid max-w-2xl gap-6">
        <OrganizationSettings organization={organization} />
        <LeaveOrganizationCard organization={organization} soleOwner={isOrgOwner(member.role) && owners <= 1} />
        {can.owner ? <DeleteOrganizationCard organization={organization} /> : null}
      </div>
    </>
  );
}
