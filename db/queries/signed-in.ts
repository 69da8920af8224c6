import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { session, user } from "@/db/schema";
import type { BatchedRead } from "./batched-read";
import { myMembershipsQuery, toMyMemberships } from "./organizations";

/**
 * What every console request decides on, in one D1 call: the session row of this token, its user, and the user's
 * memberships (lib/auth/server.ts); with them, the statements of `page`, the read the requested page is about to
 * make (its results are handed over raw: they are the page's only once the session is confirmed). A D1 call costs
 * about 0.5 ms of the Worker's CPU whatever it carries (README, "Performance").
 */
export async function selectSignedIn(db: Database, token: string, userId: string, page?: BatchedRead<unknown> | null) {
  const [sessions, users, memberships, ...pageResults] = await db.batch([
    db.select().from(session).where(eq(session.token, token)).limit(1),
    db.select().from(user).where(eq(user.id, userId)).limit(1),
    myMembershipsQuery(db, userId),
    ...(page?.statements(db) ?? []),
  ]);
  return {
    session: sessions[0] ?? null,
    user: users[0] ?? null,
    memberships: toMyMemberships(memberships),
    page: page ? { key: page.key, results: pageResults as unknown[] } : null,
  };
}

export async function loadSignedIn(token: string, userId: string, page?: BatchedRead<unknown> | null) {
  return selectSignedIn(await getDb(), token, userId, page);
}
