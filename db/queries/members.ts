import "server-only";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { member, team, teamMember, user } from "@/db/schema";
import { parseRoleList } from "@/lib/auth/roles";
import type { SortValue } from "@/lib/data-table/search-params";
import { type BatchedRead, runRead } from "./batched-read";
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

/**
 * The organization a members read is about: its id, or (for a read planned before the guard has resolved it, see
 * `membersPageRead`) the organization of that slug that this user is a member of, as a subquery.
 */
export type OrgRef = string | SQL;

const sortColumns = { name: user.name, email: user.email, role: member.role, createdAt: member.createdAt } as const;

/**
 * One page of an organization's members with search (name or email), role filter and sort, in one statement: each row carries its teams (a correlated subquery
 * over the member's team_member rows) and the total (the counter migrations/0008 keeps when unfiltered, a window
 * count of the matches otherwise). Driven by the member index on organization_id, so its cost follows the
 * organization's size (capped by ORG_MAX_MEMBERS), never the user table; the search is an `instr` over those members
 * only.
 */
export async function selectMembersPage(db: Database, organizationId: string, query: MembersQuery) {
  return toMembersPage(db, organizationId, query, await membersPageQuery(db, organizationId, query));
}

/**
 * The members page with the organization's teams (for the bulk-invitation dialog), as one read: on a page load it
 * goes in the session check's D1 call (app/(console)/page-reads.ts), which runs before the guard has resolved the
 * organization, so it names the organization by slug and viewer (`org.id`, when known, is used on its own). Either
 * way it is the organization of that slug the viewer is a member of, and the page asks for it only after
 * `requireOrg` has let the viewer in. In a batch D1 returns rows keyed by column name (db/queries/prefixed.ts):
 * neither statement names two columns alike.
 */
export function membersPageRead(org: { slug: string; userId: string; id?: string }, query: MembersQuery) {
  const ref: OrgRef =
    org.id ??
    sql`(select o.id from organization o inner join member m on m.organization_id = o.id
      where o.slug = ${org.slug} and m.user_id = ${org.userId})`;
  return {
    key: `members-page:${org.slug}:${org.userId}:${JSON.stringify(query)}`,
    statements: (db) => [allTeamsQuery(db, ref), membersPageQuery(db, ref, query)],
    map: async ([teams, rows], db) => ({
      teams: teams as Awaited<ReturnType<typeof allTeamsQuery>>,
      page: await toMembersPage(db, ref, query, rows as Awaited<ReturnType<typeof membersPageQuery>>),
    }),
  } satisfies BatchedRead<unknown>;
}

/** `membersPageRead` in a D1 call of its own. */
export async function selectMembersPageWithTeams(
  db: Database,
  org: Parameters<typeof membersPageRead>[0],
  query: MembersQuery,
) {
  return runRead(db, membersPageRead(org, query));
}

function membersWhere(organizationId: OrgRef, query: MembersQuery) {
  return and(
    eq(member.organizationId, organizationId),
    containsAny(query.search, [user.name, user.email]),
    holdsAnyRole(member.role, query.filters.role),
  );
}

/** The statement behind `selectMembersPage`: one page of rows, each with its teams and the total. */
export function membersPageQuery(db: Database, organizationId: OrgRef, query: MembersQuery) {
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
  organizationId: OrgRef,
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
