import "server-only";
import { and, asc, count, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { session } from "@/db/schema";
import { type DeviceDescription, describeUserAgent } from "@/lib/user-agent";

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

/**
 * One page of the user's unexpired sessions. Read here rather than through better-auth's /list-sessions, which
 * refuses sessions older than its freshAge (a day) and would hide the page from anyone signed in for longer.
 */
export async function listMySessions(
  userId: string,
  query: MySessionsQuery,
): Promise<{ data: MySession[]; pageCount: number; rowCount: number }> {
  const db = await getDb();
  const mine = and(eq(session.userId, userId), gt(session.expiresAt, new Date()));
  const order = query.sort.desc ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db
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
      .where(mine)
      .orderBy(order(SORT_COLUMNS[query.sort.id]), asc(session.id))
      .limit(query.perPage)
      .offset(query.offset),
    db.select({ rows: count() }).from(session).where(mine),
  ]);
  const rowCount = total?.rows ?? 0;
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
    pageCount: Math.max(1, Math.ceil(rowCount / query.perPage)),
    rowCount,
  };
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
