import "server-only";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { member, team, teamMember, user } from "@/db/schema";
import { parseRoleList } from "@/lib/auth/roles";
import type { SortValue } from "@/lib/data-table/search-params";
import { containsAny, holdsAnyRole, pageCountOf } from "./search";
import { allTeamsQuery } from "./teams";

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

/** One page of an organization's members with search (name or email), role filter and sort, with their teams. */
export async function listMembersWithTeams(organizationId: string, query: MembersQuery) {
  return selectMembersPage(await getDb(), organizationId, query);
}

/**
 * `listMembersWithTeams` on a given database, in one statement: each row carries its teams (a correlated subquery
 * over the member's team_member rows) and the total (the counter migrations/0008 keeps when unfiltered, a window
 * count of the matches otherwise). Driven by the member index on organization_id, so its cost follows the
 * organization's size (capped by ORG_MAX_MEMBERS), never the user table; the search is an `instr` over those members
 * only.
 */
export async function selectMembersPage(db: Database, organizationId: string, query: MembersQuery) {
  return toMembersPage(db, organizationId, query, await membersPageQuery(db, organizationId, query));
}

/**
 * The members page with the organization's teams (for the bulk-invitation dialog) in the same D1 call: a call costs
 * about 0.5 ms of the Worker's CPU whatever it carries (README, "Performance"). In a batch D1 returns rows keyed by
 * column name (see account-security.ts): neither statement names two columns alike.
 */
export async function loadMembersPageWithTeams(organizationId: string, query: MembersQuery) {
  return selectMembersPageWithTeams(await getDb(), organizationId, query);
}

export async function selectMembersPageWithTeams(db: Database, organizationId: string, query: MembersQuery) {
  const [teams, rows] = await db.batch([
    allTeamsQuery(db, organizationId),
    membersPageQuery(db, organizationId, query),
  ]);
  return { teams, page: await toMembersPage(db, organizationId, query, rows) };
}

function membersWhere(organizationId: string, query: MembersQuery) {
  return and(
    eq(member.organizationId, organizationId),
    containsAny(query.search, [user.name, user.email]),
    holdsAnyRole(member.role, query.filters.role),
  );
}

/** The statement behind `selectMembersPage`: one page of rows, each with its teams and the total. */
export function membersPageQuery(db: Database, organizationId: string, query: MembersQuery) {
  const where = membersWhere(organizationId, query);
  const unfiltered = !query.search.trim() && query.filters.role.length === 0;
  const order = query.sort.desc ? desc(sortColumns[query.sort.id]) : asc(sortColumns[query.sort.id]);
  return (
    db
      .select({
        id: member.id,
        userId: member.userId,
        name: user.name,
        email: user.email,
        image: user.image,
        role: member.role,
        createdAt: member.createdAt,
        teams: sql<string>`(select json_group_array(name) from (select ${team.name} as name from ${teamMember}
        inner join ${team} on ${team.id} = ${teamMember.teamId}
        where ${teamMember.userId} = ${member.userId} and ${team.organizationId} = ${member.organizationId}
        order by ${team.name}))`,
        total: unfiltered ? memberTotal(sql`${member.organizationId}`) : sql<number>`count(*) over ()`,
      })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(where)
      // The tie-breaker runs the sort's way, so "joined" is served by the index of migrations/0011 alone.
      .orderBy(order, query.sort.desc ? desc(member.id) : asc(member.id))
      .limit(query.perPage)
      .offset(query.offset)
  );
}

async function toMembersPage(
  db: Database,
  organizationId: string,
  query: MembersQuery,
  rows: Awaited<ReturnType<typeof membersPageQuery>>,
) {
  // A page past the end has no row to carry the total: count on its own (only then).
  const rowCount =
    rows[0]?.total ??
    (query.offset === 0
      ? 0
      : ((
          await db
            .select({ n: count() })
            .from(member)
            .innerJoin(user, eq(user.id, member.userId))
            .where(membersWhere(organizationId, query))
        )[0]?.n ?? 0));
  const data: MemberWithTeams[] = rows.map(({ teams, total: _total, ...row }) => ({
    ...row,
    teams: JSON.parse(teams ?? "[]") as string[],
  }));
  return { data, rowCount, pageCount: pageCountOf(rowCount, query.perPage) };
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

/** How many members an organization has (its counter: one row read, whatever its size). */
export async function countMembers(organizationId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`n` })
    .from(sql`organization_member_total`)
    .where(sql`organization_id = ${organizationId}`);
  return row?.n ?? 0;
}

/** How many members hold the owner role (the per-role counters of migrations/0009: a row per role string). */
export async function countOwners(organizationId: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ role: sql<string>`role`, n: sql<number>`n` })
    .from(sql`organization_role_total`)
    .where(sql`organization_id = ${organizationId}`);
  return rows.filter((row) => parseRoleList(row.role).includes("owner")).reduce((total, row) => total + row.n, 0);
}

export interface MemberWithTeams extends MemberRow {
  teams: string[];
}

/** `listMembers` with each member's teams in this organization. */
