import "server-only";
import { and, asc, count, desc, eq, gt, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { invitation, member, organization, user } from "@/db/schema";
import { likePattern } from "./users";

/** One row of the operator's organizations table. */
export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  memberCount: number;
  createdAt: Date;
}

export interface OrganizationListQuery {
  search: string;
  sort: { id: "name" | "createdAt" | "members"; desc: boolean };
  perPage: number;
  offset: number;
}

// Table-qualified by hand: inside a single-table select drizzle renders columns unqualified, and an unqualified "id" in
// the subquery would be the member's own.
const memberCount = sql<number>`(select count(*) from ${member} where ${member}.organization_id = ${organization}.id)`;

/** One page of every organization with its member count, for /admin/organizations. */
export async function listAllOrganizations(
  query: OrganizationListQuery,
): Promise<{ data: OrganizationRow[]; rowCount: number; pageCount: number }> {
  const db = await getDb();
  const pattern = likePattern(query.search);
  const where: SQL | undefined = query.search
    ? sql`(${organization.name} like ${pattern} escape '\\' or ${organization.slug} like ${pattern} escape '\\')`
    : undefined;
  const direction = query.sort.desc ? desc : asc;
  const column = { name: organization.name, createdAt: organization.createdAt, members: memberCount }[query.sort.id];
  const [rows, [total]] = await db.batch([
    db
      .select({
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        createdAt: organization.createdAt,
        memberCount,
      })
      .from(organization)
      .where(where)
      .orderBy(direction(column), direction(organization.id))
      .limit(query.perPage)
      .offset(query.offset),
    db.select({ n: count() }).from(organization).where(where),
  ]);
  const rowCount = total?.n ?? 0;
  return {
    data: rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) })),
    rowCount,
    pageCount: Math.max(1, Math.ceil(rowCount / query.perPage)),
  };
}

export interface OrganizationDetail {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  members: Array<{ id: string; userId: string; name: string; email: string; role: string; joinedAt: Date }>;
  invitations: Array<{
    id: string;
    email: string;
    role: string | null;
    inviter: string | null;
    expiresAt: Date;
    createdAt: Date;
  }>;
}

/** An organization with its members and pending (unexpired) invitations; null when there is none. */
export async function getOrganizationDetail(id: string): Promise<OrganizationDetail | null> {
  const db = await getDb();
  // Not db.batch: member/user and invitation/user share column names (id, email), which D1's batch results lose.
  const [[org], members, invitations] = await Promise.all([
    db.select().from(organization).where(eq(organization.id, id)).limit(1),
    db
      .select({
        id: member.id,
        userId: user.id,
        name: user.name,
        email: user.email,
        role: member.role,
        joinedAt: member.createdAt,
      })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(member.organizationId, id))
      .orderBy(asc(user.name))
      .limit(500),
    db
      .select({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        inviter: user.email,
        expiresAt: invitation.expiresAt,
        createdAt: invitation.createdAt,
      })
      .from(invitation)
      .leftJoin(user, eq(user.id, invitation.inviterId))
      .where(
        and(eq(invitation.organizationId, id), eq(invitation.status, "pending"), gt(invitation.expiresAt, new Date())),
      )
      .orderBy(desc(invitation.createdAt))
      .limit(500),
  ]);
  if (!org) return null;
  return { id: org.id, name: org.name, slug: org.slug, createdAt: org.createdAt, members, invitations };
}
