import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { listCustomRoles } from "@/db/queries/roles";
import { heldPermissions, requireOrg } from "@/lib/auth/guard";
import { describePermissions } from "@/lib/auth/permission-matrix";
import { orgRoles } from "@/lib/auth/permissions";
import { CustomRoles } from "./_components/custom-roles";
import { BUILT_IN_ROLE_DESCRIPTIONS, type ComparedRole, RoleComparison } from "./_components/role-comparison";

export const metadata: Metadata = { title: "Roles" };

interface RolesPageProps {
  params: Promise<{ slug: string }>;
}

export default async function RolesPage({ params }: RolesPageProps) {
  const access = await requireOrg((await params).slug, "roles");
  const { org, can } = access;
  const [roles, held] = await Promise.all([listCustomRoles(org.id), heldPermissions(access)]);
  const compared: ComparedRole[] = [
    ...Object.entries(orgRoles).map(([name, role]) => ({
      name,
      description: BUILT_IN_ROLE_DESCRIPTIONS[name] ?? describePermissions({}),
      permission: role.statements as Record<string, readonly string[]>,
    })),
    ...roles.map((role) => ({
      name: role.name,
      description: describePermissions(role.permission),
      permission: role.permission,
      custom: true,
    })),
  ];
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
        <RoleComparison roles={compared} />
      </div>
    </>
  );
}
