import "server-only";
import { and, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { auditEvent, user } from "@/db/schema";

/**
 * The most rows a count on /admin reads: past it the card says "200+". Totals kept by triggers (users, organizations)
 * are exact; counts that depend on the time (bans still running, events of the last day) are capped, so the page
 * reads a bounded number of D1 rows whatever the platform's size (D1 bills rows read). At 400 the page read 1,016
 * rows once both counts reached it (a bench whose trail had grown): over the budget of 1,000 per page, with the four
 * "needs attention" counts (up to 101 each) and the activity charts beside them.
 */
export const OVERVIEW_COUNT_CAP = 200;

export interface OverviewCount {
  n: number;
  /** More than `n` exist (the count stopped at the cap). */
  more: boolean;
}

function capped(table: SQL, where: SQL | undefined) {
  return sql<number>`(select count(*) from (select 1 from ${table} where ${where} limit ${OVERVIEW_COUNT_CAP + 1}))`;
}

/** The four numbers of /admin in one statement. */
export async function adminOverviewCounts() {
  return selectOverviewCounts(await getDb());
}

/** `adminOverviewCounts` on a given database. */
export async function selectOverviewCounts(db: Database) {
  const now = new Date();
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  // `banned = 1` as a literal, so SQLite may use the partial index of migrations/0010.
  const bannedNow = and(sql`${user.banned} = 1`, or(isNull(user.banExpires), gt(user.banExpires, now)));
  const [row] = await db
    .select({
      users: sql<number>`(select n from user_total)`,
      organizations: sql<number>`(select n from organization_total)`,
      banned: capped(sql`${user}`, bannedNow),
      events: capped(sql`${auditEvent}`, gt(auditEvent.at, dayAgo)),
    })
    .from(sql`(select 1)`);
  const exact = (n: number | undefined): OverviewCount => ({ n: n ?? 0, more: false });
  const cap = (n: number | undefined): OverviewCount =>
    (n ?? 0) > OVERVIEW_COUNT_CAP ? { n: OVERVIEW_COUNT_CAP, more: true } : exact(n);
  return {
    users: exact(row?.users),
    organizations: exact(row?.organizations),
    banned: cap(row?.banned),
    events: cap(row?.events),
  };
}
