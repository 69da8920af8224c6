import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";

/** Past this, a "needs attention" count reads "100+": each count reads at most this many index entries plus one. */
export const ATTENTION_CAP = 100;

const DAY_MS = 86_400_000;

/**
 * The four "needs attention" counts of /admin in one statement, each capped: addresses locked now, unverified
 * accounts older than a week, bans ending within a day, operators without two-factor. Each reads a partial or
 * primary index (migrations/0010, 0016), never the whole user table.
 */
export async function selectNeedsAttention(db: Database, now = Date.now()) {
  const capped = (from: string, where: ReturnType<typeof sql>) =>
    sql<number>`(select count(*) from (select 1 from ${sql.raw(from)} where ${where} limit ${ATTENTION_CAP + 1}))`;
  const [row] = await db
    .select({
      locked: capped("sign_in_lockout", sql`locked_until > ${now}`),
      unverified: capped("user", sql`email_verified = 0 and created_at < ${now - 7 * DAY_MS}`),
      bansEnding: capped("user", sql`banned = 1 and ban_expires > ${now} and ban_expires <= ${now + DAY_MS}`),
      operatorsWithoutTwoFactor: capped(
        "user",
        sql`role <> 'user' and (',' || role || ',') like '%,admin,%' and coalesce(two_factor_enabled, 0) = 0`,
      ),
    })
    .from(sql`(select 1)`);
  const out = (n: number | undefined) => ({ n: Math.min(n ?? 0, ATTENTION_CAP), more: (n ?? 0) > ATTENTION_CAP });
  return {
    locked: out(row?.locked),
    unverified: out(row?.unverified),
    bansEnding: out(row?.bansEnding),
    operatorsWithoutTwoFactor: out(row?.operatorsWithoutTwoFactor),
  };
}

/** `selectNeedsAttention` on the request's database. */
export async function needsAttention() {
  return selectNeedsAttention(await getDb());
}
