import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { activityCounter, lastActiveDay } from "@/db/schema";
import { type ActivityCounter, daysBefore, utcDay } from "@/lib/activity";

/** The windows the dashboards offer, in days. */
export const ACTIVITY_RANGES = [7, 30, 90] as const;
export type ActivityRange = (typeof ACTIVITY_RANGES)[number];

export interface ActivityDay {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  counts: Partial<Record<ActivityCounter, number>>;
}

export interface Activity {
  /** One entry per day of the window, oldest first (days without events included, with no counts). */
  days: ActivityDay[];
  /** Sums over the window. */
  totals: Partial<Record<ActivityCounter, number>>;
  /** Users whose last activity is within the last 7 and 30 days (today included). */
  weeklyActive: number;
  monthlyActive: number;
  /** The day counting began (migrations/0016): counters that the records could not backfill start there. */
  countingBegan: string | null;
}

/**
 * The roll-ups of one scope ("" for the platform, else an organization id) over the last `range` days: one range read
 * of `activity_counter`'s primary key (at most one row per day and counter), and two sums over `last_active_day`'s
 * (at most 7 and 30 rows: users by their last active day, so the users active in a window whatever their number).
 */
export async function selectActivity(db: Database, scope: string, range: ActivityRange, now = Date.now()) {
  const today = utcDay(now);
  const from = daysBefore(today, range - 1);
  // Each under a name of its own: D1 keys a batch's rows by column name, and the two expressions read alike (their
  // windows are bound parameters), so unnamed they were one column on Workers: monthly active users showed 0.
  const activeSince = (days: number, name: string) =>
    sql<number>`(select coalesce(sum(${lastActiveDay.n}), 0) from ${lastActiveDay} where ${lastActiveDay.scope} = ${scope} and ${lastActiveDay.day} >= ${daysBefore(today, days - 1)})`.as(
      name,
    );
  const [rows, [active], [began]] = await db.batch([
    db
      .select({ day: activityCounter.day, counter: activityCounter.counter, n: activityCounter.n })
      .from(activityCounter)
      .where(and(eq(activityCounter.scope, scope), gte(activityCounter.day, from))),
    db.select({ weekly: activeSince(7, "weekly"), monthly: activeSince(30, "monthly") }).from(sql`(select 1)`),
    db
      .select({ day: activityCounter.day })
      .from(activityCounter)
      .where(and(eq(activityCounter.scope, ""), sql`${activityCounter.counter} = 'counting.began'`))
      .limit(1),
  ]);
  const byDay = new Map<string, ActivityDay>();
  for (let i = range - 1; i >= 0; i--) {
    const day = daysBefore(today, i);
    byDay.set(day, { day, counts: {} });
  }
  const totals: Partial<Record<ActivityCounter, number>> = {};
  for (const row of rows) {
    const counter = row.counter as ActivityCounter;
    const entry = byDay.get(row.day);
    if (!entry) continue;
    entry.counts[counter] = (entry.counts[counter] ?? 0) + row.n;
    totals[counter] = (totals[counter] ?? 0) + row.n;
  }
  return {
    days: [...byDay.values()],
    totals,
    weeklyActive: active?.weekly ?? 0,
    monthlyActive: active?.monthly ?? 0,
    countingBegan: began?.day ?? null,
  } satisfies Activity;
}

/** The platform's activity (/admin). */
export async function platformActivity(range: ActivityRange) {
  return selectActivity(await getDb(), "", range);
}

/** One organization's activity (/org/<slug>): only what its members did in it. */
export async function organizationActivity(organizationId: string, range: ActivityRange) {
  return selectActivity(await getDb(), organizationId, range);
}
