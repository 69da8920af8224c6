import "server-only";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { session } from "@/db/schema";
import { type DeviceDescription, describeUserAgent } from "@/lib/user-agent";
import type { BatchedRead } from "./batched-read";
import { cappedTotal, countUpTo } from "./search";

export interface MySession {
  id: string;
  device: DeviceDescription;
  ip: string | null;
  createdAt: Date;
  /** better-auth refreshes a session at most once a day (updateAge), so this is "last active" to the day. */
  lastActiveAt: Date;
  expiresAt: Date;
  /** Set when an operator is impersonating the user in this session. */
  impersonated: boolean;
}

export interface MySessionsQuery {
  sort: { id: "lastActive" | "signedIn"; desc: boolean };
  perPage: number;
  offset: number;
}

const SORT_COLUMNS = { lastActive: session.updatedAt, signedIn: session.createdAt } as const;

/** The count stops one past this ("200+ sessions"), as the audit trails' do: a user's sessions are not bounded. */
export const MY_SESSIONS_COUNT_CAP = 200;

export interface MySessionsPage {
  data: MySession[];
  /** -1 (unknown) once the count stopped. */
  pageCount: number;
  /** Exact, or `MY_SESSIONS_COUNT_CAP` when `capped`. */
  rowCount: number;
  capped: boolean;
}

function mine(userId: string, now: Date) {
  return and(eq(session.userId, userId), gt(session.expiresAt, now));
}

function mySessionsPageQuery(db: Database, userId: string, query: MySessionsQuery, now: Date) {
  const order = query.sort.desc ? desc : asc;
  return db
    .select({
      id: session.id,
      userAgent: session.userAgent,
      ip: session.ipAddress,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      expiresAt: session.expiresAt,
      impersonatedBy: session.impersonatedBy,
    })
    .from(session)
    .where(mine(userId, now))
    .orderBy(order(SORT_COLUMNS[query.sort.id]), asc(session.id))
    .limit(query.perPage)
    .offset(query.offset);
}

/** The user's unexpired sessions counted up to one past the cap, in the (user_id, updated_at) index. */
function mySessionsCountQuery(db: Database, userId: string, now: Date) {
  const matches = db.select({ one: sql`1` }).from(session).where(mine(userId, now));
  return countUpTo(db, matches.$dynamic(), MY_SESSIONS_COUNT_CAP);
}

/**
 * One page of the user's unexpired sessions and their capped count, as one read: in the session check's D1 call on a
 * page load (app/(console)/page-reads.ts), else a call of its own. Read here rather than through better-auth's
 * /list-sessions, which refuses sessions older than its freshAge (a day) and would hide the page from anyone signed in
 * for longer.
 */
export function mySessionsRead(userId: string, query: MySessionsQuery, now = new Date()) {
  return {
    key: `my-sessions:${userId}:${query.sort.id}:${query.sort.desc}:${query.perPage}:${query.offset}`,
    statements: (db) => [mySessionsPageQuery(db, userId, query, now), mySessionsCountQuery(db, userId, now)],
    map: ([pageRows, countRows]): MySessionsPage => {
      const rows = pageRows as Awaited<ReturnType<typeof mySessionsPageQuery>>;
      const [counted] = countRows as Awaited<ReturnType<typeof mySessionsCountQuery>>;
      return {
        data: rows.map((row) => ({
          id: row.id,
          device: describeUserAgent(row.userAgent),
          ip: row.ip,
          createdAt: row.createdAt,
          lastActiveAt: row.updatedAt,
          expiresAt: row.expiresAt,
          impersonated: !!row.impersonatedBy,
        })),
        ...cappedTotal(counted?.n ?? 0, MY_SESSIONS_COUNT_CAP, query.perPage),
      };
    },
  } satisfies BatchedRead<MySessionsPage>;
}

/** The token of one of the user's sessions (what better-auth's revokeSession takes), or null if it is not theirs. */
export async function findMySessionToken(userId: string, sessionId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ token: session.token })
    .from(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
    .limit(1);
  return row?.token ?? null;
}
