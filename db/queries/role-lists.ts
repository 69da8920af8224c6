// The one way SQL asks whether a role column holds a role. Roles are stored as comma lists ("admin,owner"; better-auth
// has written "admin, owner" too), so the column is read with its spaces removed and commas around it, and the role
// is looked for between commas with `instr`: no LIKE (D1 caps its patterns, and custom role names are the
// organization's own), and "owner" never matches "co-owner".
import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { orgAccessControl } from "@/lib/auth/permissions";

type RoleColumn = SQL | SQLiteColumn;

/** Whether the comma-separated role column holds `role` (spaces around the commas do not matter). */
export function holdsRole(column: RoleColumn, role: string): SQL {
  return sql`(instr(',' || replace(${column}, ' ', '') || ',', ${`,${role},`}) > 0)`;
}

/** Whether the member role column holds the owner role (better-auth's creator role). */
export function holdsOwner(column: RoleColumn): SQL {
  return holdsRole(column, orgAccessControl.creatorRole);
}

/** Whether the role column holds any of `roles`; undefined (no condition) when there are none. */
export function holdsAnyRole(column: RoleColumn, roles: readonly string[]): SQL | undefined {
  if (roles.length === 0) return undefined;
  return sql`(${sql.join(
    roles.map((role) => holdsRole(column, role)),
    sql` or `,
  )})`;
}
