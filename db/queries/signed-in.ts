import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { session, user } from "@/db/schema";
import { myMembershipsQuery, toMyMemberships } from "./organizations";

/**
 * What every console request decides on, in one D1 call: the session row of this token, its user, and the user's
 * memberships (lib/auth/server.ts). A D1 call costs about 0.5 ms of the Worker's CPU whatever it carries (README,
 * "Performance"), and these were two: better-auth's session read and the memberships.
 */
export async function selectSignedIn(db: Database, token: string, userId: string) {
  const [sessions, users, memberships] = await db.batch([
    db.select().from(session).where(eq(session.token, token)).limit(1),
    db.select().from(user).where(eq(user.id, userId)).limit(1),
    myMembershipsQuery(db, userId),
  ]);
  return { session: sessions[0] ?? null, user: users[0] ?? null, memberships: toMyMemberships(memberships) };
}

export async function loadSignedIn(token: string, userId: string) {
  return selectSignedIn(await getDb(), token, userId);
}
