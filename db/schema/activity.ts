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
 * organization active in the session they signed in with). Daily active users are the `active` counter, bumped by a
 * trigger when a row's day moves forward, so a user active twice in a day is counted once; weekly and monthly active
 * users are read from `lastActiveDay`, which the triggers of migrations/0018 keep in step with this table.
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

/**
 * How many users have each day as their last active day (`userLastActive` grouped by scope and day), kept by the
 * triggers of migrations/0018 on every insert, move and delete of a `userLastActive` row: each user is in exactly one
 * day's count, so the users active in a window are the sum of its days' counts. Weekly and monthly active users then
 * read one row per day of the window (7 or 30) instead of one index entry per active user (at 100,000 users with a
 * third of them active in a month, tens of thousands of D1 rows read per dashboard view).
 */
export const lastActiveDay = sqliteTable(
  "last_active_day",
  {
    scope: text("scope").notNull(),
    day: text("day").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);
