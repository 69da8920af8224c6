import "server-only";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { member, team, teamMember, user } from "@/db/schema";
import type { SortValue } from "@/lib/data-table/search-params";
import { containsAny, pageCountOf } from "./search";

export interface TeamRow {
  id: string;
  name: string;
  members: number;
  createdAt: Date;
}

export interface TeamsQuery {
  search: string;
  sort: SortValue<"name" | "members" | "createdAt">;
  perPage: number;
  offset: number;
}

const members = sql<number>`(select count(*) from ${teamMember} where ${teamMember.teamId} = ${team.id})`;

/** One page of an organization's teams with their member counts. */
export async function listTeams(organizationId: string, query: TeamsQuery) {
  return selectTeamsPage(await getDb(), organizationId, query);
}

/** `listTeams` on a given database. */
export async function selectTeamsPage(db: Database, organizationId: string, query: TeamsQuery) {
  const where = and(eq(team.organizationId, organizationId), containsAny(query.search, [team.name]));
  const column = query.sort.id === "members" ? members : query.sort.id === "name" ? team.name : team.createdAt;
  const [rows, total] = await Promise.all([
    db
      .select({ id: team.id, name: team.name, members, createdAt: team.createdAt })
      .from(team)
      .where(where)
      .orderBy(query.sort.desc ? desc(column) : asc(column), asc(team.id))
      .limit(query.perPage)
      .offset(query.offset),
    db.select({ n: count() }).from(team).where(where),
  ]);
  const rowCount = total[0]?.n ?? 0;
  return { data: rows satisfies TeamRow[], rowCount, pageCount: pageCountOf(rowCount, query.perPage) };
}

/** Every team of an organization by name (for pickers; capped by ORG_MAX_TEAMS). */
export async function listAllTeams(organizationId: string) {
  return allTeamsQuery(await getDb(), organizationId);
}

/** The statement behind `listAllTeams`, for a `db.batch` with a page's other reads. */
export function allTeamsQuery(db: Database, organizationId: string | SQL) {
  return db
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(eq(team.organizationId, organizationId))
    .orderBy(asc(team.name));
}

/** How many teams an organization has. */
export async function countTeams(organizationId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(team).where(eq(team.organizationId, organizationId));
  return row?.n ?? 0;
}

/** A team of this organization (null for another organization's team: ids from the URL are not trusted). */
export const getTeam = cache(async function getTeam(organizationId: string, teamId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: team.id, name: team.name, createdAt: team.createdAt })
    .from(team)
    .where(and(eq(team.id, teamId), eq(team.organizationId, organizationId)))
    .limit(1);
  return row ?? null;
});

export interface TeamMemberRow {
  userId: string;
  name: string;
  email: string;
  role: string;
  addedAt: Date | null;
}

export interface TeamMembersQuery {
  search: string;
  sort: SortValue<"name" | "email" | "addedAt">;
  perPage: number;
  offset: number;
}

/** One page of a team's members (with their organization role). */
export async function listTeamMembers(organizationId: string, teamId: string, query: TeamMembersQuery) {
  return selectTeamMembersPage(await getDb(), organizationId, teamId, query);
}

/** `listTeamMembers` on a given database. */
export async function selectTeamMembersPage(
  db: Database,
  organizationId: string,
  teamId: string,
  query: TeamMembersQuery,
) {
  const conditions: Array<SQL | undefined> = [
    eq(teamMember.teamId, teamId),
    eq(member.organizationId, organizationId),
    containsAny(query.search, [user.name, user.email]),
  ];
  const where = and(...conditions);
  const column =
    query.sort.id === "addedAt" ? teamMember.createdAt : query.sort.id === "email" ? user.email : user.name;
  const base = () =>
    db
      .select({
        userId: teamMember.userId,
        name: user.name,
        email: user.email,
        role: member.role,
        addedAt: teamMember.createdAt,
      })
      .from(teamMember)
      .innerJoin(user, eq(user.id, teamMember.userId))
      .innerJoin(member, and(eq(member.userId, teamMember.userId), eq(member.organizationId, organizationId)));
  const [rows, total] = await Promise.all([
    base()
      .where(where)
      .orderBy(query.sort.desc ? desc(column) : asc(column), asc(teamMember.id))
      .limit(query.perPage)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(teamMember)
      .innerJoin(user, eq(user.id, teamMember.userId))
      .innerJoin(member, and(eq(member.userId, teamMember.userId), eq(member.organizationId, organizationId)))
      .where(where),
  ]);
  const rowCount = total[0]?.n ?? 0;
  return { data: rows satisfies TeamMemberRow[], rowCount, pageCount: pageCountOf(rowCount, query.perPage) };
}

/** User ids of a team's members (to offer only the others when adding). */
export async function teamMemberIds(teamId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ userId: teamMember.userId }).from(teamMember).where(eq(teamMember.teamId, teamId));
  return rows.map((row) => row.userId);
}
