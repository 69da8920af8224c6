import "server-only";
import { and, asc, count, desc, eq, gt, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { invitation, member, organization, user } from "@/db/schema";
import { memberTotal } from "./members";
import { containsAny, pageCountOf } from "./search";

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

// The organization's counter (migrations/0008), not a count of its members. Table-qualified by hand: inside a
// single-table select drizzle renders columns unqualified.
const memberCount = memberTotal(sql`${organization}.id`);

export interface OrganizationsPage {
  data: OrganizationRow[];
  rowCount: number;
  pageCount: number;
}

/** The page's rows and its total: one pair of statements, batched on D1, run side by side on other databases. */
function organizationsPageQueries(db: Database, query: OrganizationListQuery) {
  const where = containsAny(query.search, [organization.name, organization.slug]);
  const direction = query.sort.desc ? desc : asc;
  const column = { name: organization.name, createdAt: organization.createdAt, members: memberCount }[query.sort.id];
  return [
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
  ] as const;
}

function toOrganizationsPage(
  rows: Array<Omit<OrganizationRow, "memberCount"> & { memberCount: unknown }>,
  total: { n: number } | undefined,
  perPage: number,
): OrganizationsPage {
  const rowCount = total?.n ?? 0;
  return {
    data: rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) })),
    rowCount,
    pageCount: pageCountOf(rowCount, perPage),
  };
}

/** One page of every organization with its member count, for /admin/organizations (one D1 round trip). */
export async function listAllOrganizations(query: OrganizationListQuery): Promise<OrganizationsPage> {
  const db = await getDb();
  const [rows, [total]] = await db.batch(organizationsPageQueries(db, query));
  return toOrganizationsPage(rows, total, query.perPage);
}

/** `listAllOrganizations` on a given database (the same statements, without D1's batch). */
export async function selectOrganizationsPage(db: Database, query: OrganizationListQuery): Promise<OrganizationsPage> {
  const [rowsQuery, totalQuery] = organizationsPageQueries(db, query);
  const [rows, [total]] = await Promise.all([rowsQuery, totalQuery]);
  return toOrganizationsPage(rows, total, query.perPage);
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
export const getOrganizationDetail = cache(async function getOrganizationDetail(
  id: string,
): Promise<OrganizationDetail | null> {
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
});
