import "server-only";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
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
  const unfiltered = !query.search.trim() && query.filters.role.length === 0;
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
    // Unfiltered, the total is the counter that triggers keep (migrations/0008), not a count of every member.
    unfiltered
      ? selectMemberTotal(db, organizationId)
      : db.select({ n: count() }).from(member).innerJoin(user, eq(user.id, member.userId)).where(where),
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

/** An organization's member total from its counter (migrations/0008; 0 before its first member), as a column. */
export function memberTotal(organizationId: SQL) {
  return sql<number>`coalesce((select n from organization_member_total where organization_id = ${organizationId}), 0)`;
}

/** The counter's row of one organization (none before its first member). */
function selectMemberTotal(db: Database, organizationId: string) {
  return db
    .select({ n: sql<number>`n` })
    .from(sql`organization_member_total`)
    .where(sql`organization_id = ${organizationId}`);
}

/** How many members an organization has (its counter: one row read, whatever its size). */
export async function countMembers(organizationId: string): Promise<number> {
  const [row] = await selectMemberTotal(await getDb(), organizationId);
  return row?.n ?? 0;
}

/** The teams (of this organization) each listed user belongs to. */
export async function teamsOfUsers(organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string[]>();
  const db = await getDb();
  // The page's users as one bound JSON array (a page may list up to 100: D1 binds at most 100 parameters).
  const rows = await db
    .select({ userId: teamMember.userId, name: team.name })
    .from(teamMember)
    .innerJoin(team, eq(team.id, teamMember.teamId))
    .where(
      and(
        eq(team.organizationId, organizationId),
        inArray(teamMember.userId, sql`(select value from json_each(${JSON.stringify(userIds)}))`),
      ),
    )
    .orderBy(asc(team.name));
  const result = new Map<string, string[]>();
  for (const row of rows) result.set(row.userId, [...(result.get(row.userId) ?? []), row.name]);
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
