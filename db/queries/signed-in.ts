import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { session, user } from "@/db/schema";
import type { BatchedRead } from "./batched-read";
import { myMembershipsQuery, toMyMemberships } from "./organizations";
import { prefixedColumns } from "./prefixed";

/** The session row of this token with its user's row, in one statement (each table's columns prefixed: it is batched). */
export function sessionWithUserQuery(db: Database, token: string) {
  return db
    .select({ session: prefixedColumns(session, "session_"), user: prefixedColumns(user, "user_") })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, token))
    .limit(1);
}

/**
 * What every console request decides on, in one D1 call: the session row of this token, its user, and the user's
 * memberships (lib/auth/server.ts); with them, the statements of `page`, the read the requested page is about to
 * make (its results are handed over raw: they are the page's only once the session is confirmed). A D1 call costs
 * about 0.5 ms of the Worker's CPU whatever it carries (README, "Performance").
 */
export async function selectSignedIn(db: Database, token: string, userId: string, page?: BatchedRead<unknown> | null) {
  const [found, memberships, ...pageResults] = await db.batch([
    sessionWithUserQuery(db, token),
    myMembershipsQuery(db, userId),
    ...(page?.statements(db) ?? []),
  ]);
  return {
    session: found[0]?.session ?? null,
    user: found[0]?.user ?? null,
    memberships: toMyMemberships(memberships),
    page: page ? { key: page.key, results: pageResults as unknown[] } : null,
  };
}

export async function loadSignedIn(token: string, userId: string, page?: BatchedRead<unknown> | null) {
  return selectSignedIn(await getDb(), token, userId, page);
}
