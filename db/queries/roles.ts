import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { member, organizationRole } from "@/db/schema";
import { parseRoleList } from "@/lib/auth/permissions";

export interface CustomRole {
  id: string;
  name: string;
  permission: Record<string, string[]>;
  members: number;
  createdAt: Date;
}

function parsePermission(text: string): Record<string, string[]> {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([resource, actions]) => [
        resource,
        Array.isArray(actions) ? actions.filter((a): a is string => typeof a === "string") : [],
      ]),
    );
  } catch {
    return {};
  }
}

/** An organization's custom roles (dynamic access control), with how many members hold each. */
export async function listCustomRoles(organizationId: string): Promise<CustomRole[]> {
  const db = await getDb();
  const [roles, members] = await Promise.all([
    db
      .select()
      .from(organizationRole)
      .where(eq(organizationRole.organizationId, organizationId))
      .orderBy(asc(organizationRole.role)),
    db.select({ role: member.role }).from(member).where(eq(member.organizationId, organizationId)),
  ]);
  return roles.map((row) => ({
    id: row.id,
    name: row.role,
    permission: parsePermission(row.permission),
    members: members.filter((m) => parseRoleList(m.role).includes(row.role)).length,
    createdAt: row.createdAt,
  }));
}

/** Names of an organization's custom roles. */
export async function listCustomRoleNames(organizationId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ role: organizationRole.role })
    .from(organizationRole)
    .where(eq(organizationRole.organizationId, organizationId))
    .orderBy(asc(organizationRole.role));
  return rows.map((row) => row.role);
}
