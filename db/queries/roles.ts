import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { organizationRole } from "@/db/schema";
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
    // Members per role string from the counter of migrations/0009, not every member's row.
    db
      .select({ role: sql<string>`role`, n: sql<number>`n` })
      .from(sql`organization_role_total`)
      .where(sql`organization_id = ${organizationId}`),
  ]);
  return roles.map((row) => ({
    id: row.id,
    name: row.role,
    permission: parsePermission(row.permission),
    members: members.reduce((sum, m) => sum + (parseRoleList(m.role).includes(row.role) ? m.n : 0), 0),
    createdAt: row.createdAt,
  }));
}
