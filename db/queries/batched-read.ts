import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "@/db/database";

/**
 * A read that can ride in another `db.batch`: its statements, and how their results become its value. A D1 call costs
 * about 0.5 ms of the Worker's CPU whatever it carries (README, "Performance"), so a page's own read can go in the
 * same call as the session check (lib/auth/server.ts `readWithSession`). `key` names what it reads: two reads with
 * the same key have the same statements and the same answer.
 * D1 answers a batch with rows as objects keyed by column name, which Drizzle turns back into arrays: a statement in a
 * batch must not name two columns alike (db/queries/prefixed.ts).
 */
export interface BatchedRead<T> {
  key: string;
  statements(db: Database): BatchItem<"sqlite">[];
  /** The value, from the statements' results in order (`db` for a rare follow-up read). */
  map(results: unknown[], db: Database): T | Promise<T>;
}

/** The read in a D1 call of its own. */
export async function runRead<T>(db: Database, read: BatchedRead<T>): Promise<T> {
  const [first, ...rest] = read.statements(db);
  if (!first) return read.map([], db);
  if (rest.length === 0) return read.map([await first], db); // one statement needs no batch
  return read.map(await db.batch([first, ...rest]), db);
}
