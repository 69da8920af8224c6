// Matching user text in SQL. No LIKE or GLOB anywhere here: D1 refuses a pattern longer than 50 bytes ("LIKE or GLOB
// pattern too complex", local D1 too), which a 13-emoji search already is, and a pattern needs escaping besides.
// `instr()` takes the text as a plain value: no pattern, no escaping, no size limit. search.test.ts fails on any
// `like`/`glob` in the SQL that the search queries issue.
import { count, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/database";
import { toWellFormed } from "@/lib/data-table/search-text";

/**
 * The text a search matches on: well-formed (a lone surrogate becomes U+FFFD), without U+0000 and trimmed. SQLite's
 * text functions and FTS5's query parser stop at a NUL (`lower('a' || char(0) || 'b')` is `'a'`, an FTS5 phrase with
 * one is an "unterminated string" error), so it cannot be searched for; the rest of the term still is.
 */
export function searchTerm(search: string): string {
  return toWellFormed(search).replaceAll("\u0000", "").trim();
}

/**
 * Case-insensitive "contains" on any of the columns: `instr(lower(col), lower(?)) > 0`. Both sides go through SQLite's
 * `lower()` so they fold alike (ASCII only, as LIKE did): folding the term in JS instead would fold "É" that the column
 * side keeps, and then miss it.
 */
export function containsAny(search: string, columns: SQLiteColumn[]): SQL | undefined {
  const term = searchTerm(search);
  if (!term || columns.length === 0) return undefined;
  const parts = columns.map((column) => sql`instr(lower(${column}), lower(${term})) > 0`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The least string above every string that starts with `prefix`, in code point order (which is UTF-8 byte order, so
 * SQLite's BINARY order too): `[prefix, bound)` is exactly "starts with `prefix`". The last code point is incremented
 * with carry: U+10FFFF has no successor, so it is dropped and the one before is incremented; the surrogate block is
 * skipped (a lone surrogate is not text). `null` when there is no such string (`prefix` empty or only U+10FFFF):
 * then the lower bound alone is the range.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix].map((point) => point.codePointAt(0) ?? 0);
  while (points.length > 0) {
    const last = (points.pop() ?? 0) + 1;
    if (last <= 0x10ffff) {
      points.push(last === 0xd800 ? 0xe000 : last);
      return String.fromCodePoint(...points);
    }
  }
  return null;
}

/**
 * `column` starts with `prefix` (binary comparison), as an index range: no LIKE (see above), and the index on the
 * column serves it.
 */
export function startsWith(column: SQLiteColumn, prefix: string): SQL {
  const upper = prefixUpperBound(prefix);
  return upper === null ? sql`${column} >= ${prefix}` : sql`(${column} >= ${prefix} and ${column} < ${upper})`;
}

/** Whether a comma-separated role column holds any of `roles` (role-lists.ts, the one role-list predicate). */
export { holdsAnyRole } from "./role-lists";

/** Total pages for a row count (at least 1, so the pagination always has a page to show). */
export function pageCountOf(rowCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(rowCount / perPage));
}

/**
 * Counts the rows of `matches` up to one past `cap` (SQLite stops reading there), for `cappedTotal`. `matches` is a
 * select of a constant (`select({ one: sql\`1\` })`) made dynamic.
 */
export function countUpTo(db: Database, matches: SQLiteSelect, cap: number) {
  return db.select({ n: count() }).from(matches.limit(cap + 1).as("matches"));
}

/**
 * A total counted up to one past `cap` (a capped count): what the table shows, whether the count stopped ("200+"), and
 * the pages (-1, unknown, once it stopped).
 */
export function cappedTotal(counted: number, cap: number, perPage: number) {
  const capped = counted > cap;
  return { rowCount: capped ? cap : counted, capped, pageCount: capped ? -1 : pageCountOf(counted, perPage) };
}
