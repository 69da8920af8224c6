import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** `%term%` for LIKE … ESCAPE '\', with the user's own % and _ taken literally. */
export function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive "contains" on any of the columns. */
export function containsAny(search: string, columns: SQLiteColumn[]): SQL | undefined {
  if (!search) return undefined;
  const pattern = likePattern(search);
  const parts = columns.map((column) => sql`lower(${column}) like ${pattern} escape '\\'`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Whether a comma-separated role column holds any of `roles` (better-auth stores several roles as "a,b"). */
export function holdsAnyRole(column: SQLiteColumn, roles: readonly string[]): SQL | undefined {
  if (roles.length === 0) return undefined;
  const parts = roles.map((role) => sql`(',' || ${column} || ',') like ${`%,${role},%`}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Total pages for a row count (at least 1, so the pagination always has a page to show). */
export function pageCountOf(rowCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(rowCount / perPage));
}
