import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { member, organization, organizationPolicy } from "@/db/schema";
import { prefixedColumns } from "./prefixed";

export interface MyOrganization {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  role: string;
}

/** A custom role's row as better-auth stores it (permission: a JSON object of resource → actions). */
export interface RoleRow {
  role: string;
  permission: string;
}

export interface MyMembership {
  org: typeof organization.$inferSelect;
  member: typeof member.$inferSelect;
  /** The organization's custom roles (better-auth's dynamic roles), for its permission checks. */
  roles: RoleRow[];
  /** Its security policy (null: it never set one). */
  policy: typeof organizationPolicy.$inferSelect | null;
}

/**
 * Every organization a user belongs to, with their membership and the organization's custom roles, by name: in one
 * statement, all an organization page needs to resolve its tenant and decide what the caller may do there (the
 * guard, the navigation and the role pickers all read this). It rides in the same D1 call as the session check
 * (db/queries/signed-in.ts), so each table's columns are selected under their own prefix.
 */
export function myMembershipsQuery(db: Database, userId: string) {
  return db
    .select({
      org: prefixedColumns(organization, "org_"),
      member: prefixedColumns(member, "member_"),
      policy: prefixedColumns(organizationPolicy, "policy_"),
      roles: sql<string>`(select json_group_array(json_object('role', r.role, 'permission', r.permission))
        from (select role, permission from organization_role where organization_id = ${organization.id} order by role) r)`.as(
        "custom_roles",
      ),
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .leftJoin(organizationPolicy, eq(organizationPolicy.organizationId, organization.id))
    .where(eq(member.userId, userId))
    .orderBy(asc(organization.name));
}

export function toMyMemberships(rows: Awaited<ReturnType<typeof myMembershipsQuery>>): MyMembership[] {
  return rows.map(({ org, member, policy, roles }) => ({
    org,
    member,
    // Aliased columns are not nulled as a left join's table is: no policy row leaves every field null.
    policy: policy.organizationId === null ? null : policy,
    roles: JSON.parse(roles ?? "[]") as RoleRow[],
  }));
}

/** The organizations a user belongs to, with their role in each, by name. */
export function myOrganizationsOf(memberships: MyMembership[]): MyOrganization[] {
  return memberships.map(({ org, member }) => ({
    id: org.id,
    name: org.name,
    slug: org.slug,
    logo: org.logo,
    role: member.role,
  }));
}
