import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { member, team, teamMember, user } from "@/db/schema";
import type { SortValue } from "@/lib/data-table/search-params";
import { containsAny, holdsAnyRole, pageCountOf } from "./search";

export interface MemberRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  image: string | null;
  role: string;
  createdAt: Date;
}

export interface MembersQuery {
  search: string;
  filters: { role: readonly string[] };
  sort: SortValue<"name" | "email" | "role" | "createdAt">;
  perPage: number;
  offset: number;
}

const sortColumns = { name: user.name, email: user.email, role: member.role, createdAt: member.createdAt } as const;

/** One page of an organization's members with search (name or email), role filter and sort. */
export async function listMembers(organizationId: string, query: MembersQuery) {
  return selectMembersPage(await getDb(), organizationId, query);
}

/**
 * `listMembers` on a given database. Driven by the member index on organization_id, so its cost follows the
 * organization's size (capped by ORG_MAX_MEMBERS), never the user table; the search is an `instr` over those members only.
 */
export async function selectMembersPage(db: Database, organizationId: string, query: MembersQuery) {
  const conditions: Array<SQL | undefined> = [
    eq(member.organizationId, organizationId),
    containsAny(query.search, [user.name, user.email]),
    holdsAnyRole(member.role, query.filters.role),
  ];
  const where = and(...conditions);
  const order = query.sort.desc ? desc(sortColumns[query.sort.id]) : asc(sortColumns[query.sort.id]);
  const [rows, total] = await Promise.all([
    db
      .select({
        id: member.id,
        userId: member.userId,
        name: user.name,
        email: user.email,
        image: user.image,
        role: member.role,
        createdAt: member.createdAt,
      })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(where)
      .orderBy(order, asc(member.id))
      .limit(query.perPage)
      .offset(query.offset),
    db.select({ n: count() }).from(member).innerJoin(user, eq(user.id, member.userId)).where(where),
  ]);
  const rowCount = total[0]?.n ?? 0;
  return { data: rows satisfies MemberRow[], rowCount, pageCount: pageCountOf(rowCount, query.perPage) };
}

/** Every member of an organization by name (for pickers); organizations are capped by ORG_MAX_MEMBERS. */
export async function listAllMembers(organizationId: string) {
  const db = await getDb();
  return db
    .select({ userId: member.userId, name: user.name, email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, organizationId))
    .orderBy(asc(user.name), asc(member.id));
}

/** How many members an organization has. */
export async function countMembers(organizationId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(member).where(eq(member.organizationId, organizationId));
  return row?.n ?? 0;
}

/** The teams (of this organization) each listed user belongs to. */
export async function teamsOfUsers(organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string[]>();
  const db = await getDb();
  const rows = await db
    .select({ userId: teamMember.userId, name: team.name })
    .from(teamMember)
    .innerJoin(team, eq(team.id, teamMember.teamId))
    .where(eq(team.organizationId, organizationId))
    .orderBy(asc(team.name));
  const result = new Map<string, string[]>();
  for (const row of rows) {
    if (!userIds.includes(row.userId)) continue;
    result.set(row.userId, [...(result.get(row.userId) ?? []), row.name]);
  }
  return result;
}

export interface MemberWithTeams extends MemberRow {
  teams: string[];
}

/** `listMembers` with each member's teams in this organization. */
export async function listMembersWithTeams(organizationId: string, query: MembersQuery) {
  const page = await listMembers(organizationId, query);
  const teams = await teamsOfUsers(
    organizationId,
    page.data.map((row) => row.userId),
  );
  const data: MemberWithTeams[] = page.data.map((row) => ({ ...row, teams: teams.get(row.userId) ?? [] }));
  return { ...page, data };
}
