// The one database type. Queries, plugins and actions take this; nothing needs a cast to call `batch`, `returning` or
// an upsert. The worker's is Drizzle over D1 (db/index.ts); unit tests and the schema generator build Drizzle over
// libSQL, which has the same SQLite query builder and `batch`, and hand it over through `fromLibsql` (the one cast).
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type * as schema from "./schema";

export type Database = DrizzleD1Database<typeof schema>;

/**
 * Drizzle over libSQL as a `Database`. Only the raw result types of `.run()` differ between the two drivers, and
 * nothing of ours reads those.
 */
export function fromLibsql(db: LibSQLDatabase<typeof schema>): Database {
  return db as unknown as Database;
}
