// Activity roll-ups (issue 20): the dashboards of /admin and /org/<slug> read these, never the user or audit tables.
// Written only by the triggers of migrations/0016 (on audit_event, user, organization, member, sign_in_lockout) and by
// lib/activity.ts (failed sign-ins, which leave no row of their own): a counted event and its count land in the same
// statement, so neither can exist without the other. Both tables are WITHOUT ROWID in the migration (one row written
// per change instead of a row plus its primary-key index).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row per scope, UTC day and counter: `scope` is "" for the whole platform or an organization id; `day` is
 * `YYYY-MM-DD` (UTC); `n` is bumped with `ON CONFLICT DO UPDATE SET n = n + excluded.n`, so concurrent events add up.
 * Counter names are in lib/activity.ts (`ACTIVITY_COUNTERS`).
 */
export const activityCounter = sqliteTable(
  "activity_counter",
  {
    scope: text("scope").notNull(),
    day: text("day").notNull(),
    counter: text("counter").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.day, t.counter] }),
    // The day counting began (one row): found without walking every day of the platform's counters before it.
    index("activity_counter_began_idx").on(t.scope).where(sql`counter = 'counting.began'`),
  ],
);

/**
 * The last UTC day each user was active (signed in), platform-wide (`scope` "") and in each organization (the
 * organization active in the session they signed in with). Weekly and monthly active users are the rows whose `day`
 * falls in the window (one index entry per active user); daily active users are the `active` counter, bumped by a
 * trigger when a row's day moves forward, so a user active twice in a day is counted once.
 */
export const userLastActive = sqliteTable(
  "user_last_active",
  {
    scope: text("scope").notNull(),
    userId: text("user_id").notNull(),
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.userId] }), index("user_last_active_day_idx").on(t.scope, t.day)],
);
