import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { listCustomRoles } from "@/db/queries/roles";
import { heldPermissions, requireOrg } from "@/lib/auth/guard";
import { orgRoles } from "@/lib/auth/permissions";
import { BuiltInRoles } from "./_components/built-in-roles";
import { CustomRoles } from "./_components/custom-roles";

export const metadata: Metadata = { title: "Roles" };

interface RolesPageProps {
  params: Promise<{ slug: string }>;
}

export default async function RolesPage({ params }: RolesPageProps) {
  const access = await requireOrg((await params).slug, "roles");
  const { org, can } = access;
  const [roles, held] = await Promise.all([listCustomRoles(org.id), heldPermissions(access)]);
  const builtIn = Object.entries(orgRoles).map(([name, role]) => ({
    name,
    permission: role.statements as Record<string, readonly string[]>,
  }));
  return (
    <>
      <PageHeader
        title="Roles"
        description="Built-in roles and your organization's own. Nobody can grant a permission they do not hold."
      />
      <div className="grid gap-8">
        <CustomRoles
          organizationId={org.id}
          roles={roles}
          held={held}
          can={{ create: can.roles, update: can.updateRoles, delete: can.deleteRoles }}
        />
        <BuiltInRoles roles={builtIn} />
      </div>
    </>
  );
}
