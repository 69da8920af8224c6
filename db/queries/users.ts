import "server-only";
import { and, asc, count, desc, eq, type GetColumnData, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { cache } from "react";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { account, auditEvent, member, organization, session, user } from "@/db/schema";
import { describeUserAgent } from "@/lib/user-agent";
import { type BatchedRead, runRead } from "./batched-read";
import { countUpTo } from "./search";
import { searchedRowids, type UserFilter, userFilters, usersWhere } from "./users-where";

export { ftsPhrase, prefixRange, TRIGRAM_MIN_LENGTH, type UserFilter, usersWhere } from "./users-where";

/** One row of the operator's users table. */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  banned: boolean;
  banExpires: Date | null;
  createdAt: Date;
}

export interface UserListQuery extends UserFilter {
  sort: { id: "createdAt" | "name" | "email"; desc: boolean };
  perPage: number;
  offset: number;
}

const userColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  emailVerified: user.emailVerified,
  twoFactorEnabled: user.twoFactorEnabled,
  banned: user.banned,
  banExpires: user.banExpires,
  createdAt: user.createdAt,
};

/** Columns as plain SQL expressions, decoded as the columns are, for a FROM written in SQL. */
function unchecked<T extends Record<string, SQLiteColumn>>(columns: T) {
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, sql`${column}`.mapWith(column)])) as {
    [K in keyof T]: SQL<GetColumnData<T[K]>>;
  };
}

interface UserSelect {
  id: string;
  name: string;
  email: string;
  role: string | null;
  emailVerified: boolean;
  twoFactorEnabled: boolean | null;
  banned: boolean | null;
  banExpires: Date | null;
  createdAt: Date;
}

function toRow(row: UserSelect, now = Date.now()): UserRow {
  const expires = row.banExpires ?? null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role ?? "user",
    emailVerified: row.emailVerified,
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    banned: Boolean(row.banned) && (!expires || expires.getTime() > now),
    banExpires: row.banned ? expires : null,
    createdAt: row.createdAt,
  };
}

function orderBy(sort: UserListQuery["sort"]) {
  // Names sort case-insensitively ("ada" beside "Ada"), read in order from user_name_nocase_idx.
  const column = { createdAt: user.createdAt, name: sql`${user.name} collate nocase`, email: user.email }[sort.id];
  const direction = sort.desc ? desc : asc;
  return [direction(column), direction(user.id)];
}

export interface UsersPage {
  data: UserRow[];
  /** The matches, or `USERS_MATCH_CAP` when there are more (`capped`). */
  rowCount: number;
  /** More matches than `rowCount`: their number is not counted, nor the pages (`pageCount` is -1, unknown). */
  capped: boolean;
  pageCount: number;
}

/**
 * How many matches of a search or filter are counted. Counting every match walked them all: a search for
 * "mail.test" among 100,000 users spent about 9 ms of SQLite counting them (README, "Performance"), to print a
 * number nobody needs exactly; beyond this the page says "1,000+".
 */
export const USERS_MATCH_CAP = 1000;

/**
 * One page of users with the total, for /admin/users, in one statement: the total rides on each row, evaluated once.
 * On a page load it goes in the session check's D1 call (app/(console)/page-reads.ts).
 *
 * A search drives from its matches (`searchedRowids`): the capped count reads them lazily from the search index and
 * stops at one past the cap, where `rowid in (…)` would have collected every match first. The page then depends on how
 * many there are, which the statement learns from that count: up to the cap, the matches are read and sorted (the
 * cost follows their number); past it, in the default order (newest first), the order index is walked and each row
 * checked against the matches, which stops once the page is full. Each way is one branch of a UNION ALL whose LIMIT
 * is zero unless the count chose it, and SQLite skips a branch with LIMIT 0 before reading anything. On the bench's
 * 100,000 users (SQLite alone): "mail.test" (16,667 matches) 14 → 6 ms, "ada" (2,500) 3.3 → 0.6 ms, "li" 5.5 → 1.5 ms;
 * a few matches as before. Without filters the matches are collected once, for the count and the page. Sorted by name or email, a walk would start far from a search's matches when they share
 * its letters (names starting "li" sorted by name), so those sorts keep reading and sorting the matches.
 */
export function usersPageRead(query: UserListQuery, cap = USERS_MATCH_CAP) {
  const where = usersWhere(query);
  const rowids = searchedRowids(query.search);
  const filters = userFilters(query.filters);
  // Unfiltered, the total is the counter that triggers keep (migrations/0006), not a count of every user; filtered,
  // the matches are counted up to one past the cap.
  const total = (db: Database) => {
    if (!where) return db.select({ n: sql<number>`n` }).from(sql`user_total`);
    const matches = rowids
      ? db
          .select({ one: sql`1` })
          .from(sql`${rowids} as matched`)
          .innerJoin(user, sql`${user}.rowid = matched.rowid`)
          .where(filters)
          .$dynamic()
      : db.select({ one: sql`1` }).from(user).where(where).$dynamic();
    return countUpTo(db, matches, cap);
  };
  const rows = (db: Database) => {
    if (rowids && query.sort.id === "createdAt") {
      const direction = sql.raw(query.sort.desc ? "desc" : "asc");
      const order = sql`${user.createdAt} ${direction}, ${user.id} ${direction}`;
      // LIMIT `perPage` in the branch the count chose, 0 in the other.
      const take = (broad: boolean) =>
        sql`(select case when n > ${cap} then ${broad ? query.perPage : 0} else ${broad ? 0 : query.perPage} end from m)`;
      // Without filters, the matches are collected once (matched) for the count and both ways; with filters, the
      // count reads them lazily and each way checks the whole WHERE.
      const ctes = filters
        ? sql`m(n) as materialized ${total(db)}`
        : sql`matched(rid) as materialized (select rowid from ${rowids}),
            m(n) as materialized (select count(*) from (select 1 from matched limit ${cap + 1}))`;
      const kept = filters ? where : sql`${user}.rowid in (select rid from matched)`;
      const branch = (broad: boolean) =>
        sql`select rid, (select n from m) as n from (select ${user}.rowid as rid from ${user}${sql.raw(broad ? " indexed by user_created_at_id_idx" : "")}
          where ${kept} order by ${order} limit ${take(broad)} offset ${query.offset})`;
      const page = sql`(with ${ctes} ${branch(true)} union all ${branch(false)}) as page`;
      // CROSS JOIN keeps the page's few rows as the outer loop: as a plain join SQLite walked all of user instead.
      // (Its columns as plain SQL, decoded alike: Drizzle does not see a table in a FROM it did not build.)
      return db
        .select({ ...unchecked(userColumns), total: sql<number>`page.n`.mapWith(Number) })
        .from(sql`${page} cross join ${user} on ${user}.rowid = page.rid`)
        .orderBy(...orderBy(query.sort));
    }
    return db
      .select({ ...userColumns, total: sql<number>`(${total(db)})`.mapWith(Number) })
      .from(user)
      .where(where)
      .orderBy(...orderBy(query.sort))
      .limit(query.perPage)
      .offset(query.offset);
  };
  return {
    key: `users-page:${cap}:${JSON.stringify(query)}`,
    statements: (db) => [rows(db)],
    map: async ([found], db): Promise<UsersPage> => {
      const page = found as Awaited<ReturnType<typeof rows>>;
      // A page past the end has no row to carry the total: count on its own (only then).
      const counted = page[0]?.total ?? (query.offset > 0 ? ((await total(db))[0]?.n ?? 0) : 0);
      const capped = where !== undefined && counted > cap;
      const rowCount = capped ? cap : counted;
      return {
        data: page.map((row) => toRow(row)),
        rowCount,
        capped,
        pageCount: capped ? -1 : Math.max(1, Math.ceil(rowCount / query.perPage)),
      };
    },
  } satisfies BatchedRead<UsersPage>;
}

/** `usersPageRead` in a D1 call of its own. */
export async function selectUsersPage(db: Database, query: UserListQuery): Promise<UsersPage> {
  return runRead(db, usersPageRead(query));
}

/** The first users the /admin/users search finds for `search` (same match, same order), without the total. */
export async function searchUsers(
  search: string,
  limit: number,
): Promise<Array<Pick<UserRow, "id" | "name" | "email">>> {
  const where = usersWhere({ search, filters: { role: [], status: null, verified: null, twoFactor: null } });
  if (!where) return [];
  const db = await getDb();
  return db
    .select({ id: user.id, name: user.name, email: user.email })
    .from(user)
    .where(where)
    .orderBy(...orderBy({ id: "createdAt", desc: true }))
    .limit(limit);
}

/** Every user matching the filter, in the table's order, a chunk at a time (for the CSV export). */
export async function* iterateUsers(
  query: UserFilter & { sort: UserListQuery["sort"] },
  chunkSize = 500,
): AsyncGenerator<UserRow[]> {
  const db = await getDb();
  const where = usersWhere(query);
  for (let offset = 0; ; offset += chunkSize) {
    const rows = await db
      .select(userColumns)
      .from(user)
      .where(where)
      .orderBy(...orderBy(query.sort))
      .limit(chunkSize)
      .offset(offset);
    if (rows.length > 0) yield rows.map((row) => toRow(row));
    if (rows.length < chunkSize) return;
  }
}

export interface UserDetail extends UserRow {
  image: string | null;
  banReason: string | null;
  updatedAt: Date;
  organizations: Array<{ id: string; name: string; slug: string; role: string; joinedAt: Date }>;
  sessions: Array<{
    id: string;
    createdAt: Date;
    updatedAt: Date;
    expiresAt: Date;
    ipAddress: string | null;
    userAgent: string | null;
    /** One line for people from the user agent ("Firefox 140 on Linux"), worked out here so the browser needs no parser. */
    device: string;
    impersonatedBy: string | null;
  }>;
  /** More open sessions than `sessions` holds (the `USER_SESSIONS_SHOWN` most recently active). */
  moreSessions: boolean;
  accounts: Array<{ id: string; providerId: string; createdAt: Date }>;
}

/**
 * How many of a user's open sessions their page lists, the most recently active first. A script signing in over and
 * over leaves hundreds open (the bench's owner had over a thousand), and reading them all is a D1 row each per view.
 */
export const USER_SESSIONS_SHOWN = 50;

/** A user's open sessions, the most recently active first: one more than the page lists, to know there are more. */
export function openSessionsOf(db: Database, id: string, now: Date) {
  return db
    .select({
      id: session.id,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      expiresAt: session.expiresAt,
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
      impersonatedBy: session.impersonatedBy,
    })
    .from(session)
    .where(and(eq(session.userId, id), gt(session.expiresAt, now)))
    .orderBy(desc(session.updatedAt))
    .limit(USER_SESSIONS_SHOWN + 1);
}

/** Everything the user page shows about one user (null when there is no such user). */
export const getUserDetail = cache(async function getUserDetail(id: string): Promise<UserDetail | null> {
  const db = await getDb();
  const now = new Date();
  const [[row], organizations, sessions, accounts] = await db.batch([
    db
      .select({ ...userColumns, image: user.image, banReason: user.banReason, updatedAt: user.updatedAt })
      .from(user)
      .where(eq(user.id, id))
      .limit(1),
    db
      .select({
        id: organization.id,
        name: organization.name,
        slug: organization.slug,
        role: member.role,
        joinedAt: member.createdAt,
      })
      .from(member)
      .innerJoin(organization, eq(organization.id, member.organizationId))
      .where(eq(member.userId, id))
      .orderBy(asc(organization.name)),
    openSessionsOf(db, id, now),
    db
      .select({ id: account.id, providerId: account.providerId, createdAt: account.createdAt })
      .from(account)
      .where(eq(account.userId, id))
      .orderBy(asc(account.createdAt)),
  ]);
  if (!row) return null;
  const banned = Boolean(row.banned) && (!row.banExpires || row.banExpires.getTime() > now.getTime());
  return {
    ...toRow(row, now.getTime()),
    image: row.image,
    banReason: banned ? row.banReason : null,
    updatedAt: row.updatedAt,
    organizations,
    sessions: sessions
      .slice(0, USER_SESSIONS_SHOWN)
      .map((entry) => ({ ...entry, device: describeUserAgent(entry.userAgent).label })),
    moreSessions: sessions.length > USER_SESSIONS_SHOWN,
    accounts,
  };
});

/** The session token of one of a user's sessions (for better-auth's revoke endpoint), or null. */
export async function findUserSessionToken(userId: string, sessionId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ token: session.token })
    .from(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
    .limit(1);
  return row?.token ?? null;
}

/** Name, email and role of a few users by id (for result summaries and the impersonation banner). */
export async function getUsersByIds(
  ids: string[],
): Promise<Array<{ id: string; name: string; email: string; role: string }>> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const rows = [];
  // D1 binds at most 100 parameters per statement.
  for (let start = 0; start < ids.length; start += 90) {
    rows.push(
      ...(await db
        .select({ id: user.id, name: user.name, email: user.email, role: user.role })
        .from(user)
        .where(inArray(user.id, ids.slice(start, start + 90)))),
    );
  }
  return rows.map((row) => ({ ...row, role: row.role ?? "user" }));
}

/** How many audit rows name this user as target (the user page's trail header). */
export async function countAuditForUser(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.targetUserId, userId));
  return row?.n ?? 0;
}
