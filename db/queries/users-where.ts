// The WHERE of the operator's users list (search and filters), shared by the table and the CSV export so they always
// agree. The search reads indexes only: the trigram index for 3+ characters, prefix ranges below that.
import { and, eq, gt, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { user } from "@/db/schema";
import { prefixUpperBound, searchTerm } from "./search";

/** What narrows the users list (the table's URL state, parsed). */
export interface UserFilter {
  search: string;
  filters: {
    role: string[];
    status: "active" | "banned" | null;
    verified: "yes" | "no" | null;
    twoFactor: "on" | "off" | null;
  };
}

/** A ban that still holds: banned and not yet expired (better-auth lifts expired bans at the next sign-in). */
function activeBan(now: Date): SQL {
  return and(eq(user.banned, true), or(isNull(user.banExpires), gt(user.banExpires, now))) as SQL;
}

/** Shorter terms cannot use the trigram index (FTS5's trigram tokenizer matches 3 characters or more). */
export const TRIGRAM_MIN_LENGTH = 3;

/**
 * An FTS5 query that matches `text` literally, as one quoted phrase (a `"` inside is doubled): FTS5 syntax (`*`, `^`,
 * `:`, `-`, NEAR, AND/OR/NOT, parentheses) inside the quotes is only characters. `text` must hold no U+0000, which
 * would end the query string early (`searchTerm` removes it).
 */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * `[low, high)`: the range of every string that starts with `prefix` under SQLite's NOCASE (ASCII-folding) order;
 * `high` is null when no string lies above them all (a prefix of only U+10FFFF), and the range is then `>= low`.
 */
export function prefixRange(prefix: string): [string, string | null] {
  const low = prefix.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const high = prefixUpperBound(low);
  // NOCASE folds A–Z in the bound as well: after "@" comes "A", which would compare as "a" and take in "[", "_", "`"
  // …; no folded string starts with A–Z, so "[" bounds the same strings.
  return [low, high?.replace(/[A-Z]$/, "[") ?? null];
}

/**
 * The rowids of the users a search matches, as a subquery, from indexes only (never a scan of `user`): 3+ characters
 * match anywhere in the email or the name through the trigram index `user_search` (migrations/0005),
 * case-insensitively; 1–2 characters (which trigrams cannot match) match the start of the email or the name, through
 * `user_email_unique` and `user_name_nocase_idx`. The cost follows the number of matches, not the size of the table.
 * Undefined without a search.
 */
export function searchedRowids(search: string): SQL | undefined {
  const term = searchTerm(search);
  if (!term) return undefined;
  if ([...term].length >= TRIGRAM_MIN_LENGTH) {
    return sql`(select rowid from user_search where user_search match ${ftsPhrase(term)})`;
  }
  const [low, high] = prefixRange(term);
  const name = sql`${user.name} collate nocase`;
  const below = (column: SQL) => (high === null ? sql`` : sql` and ${column} < ${high}`);
  // A UNION of two index ranges, not an OR: D1's SQLite planned the OR as a walk of the whole order index.
  // Emails are stored lower-case (better-auth normalizes them), so the binary unique index serves their prefix.
  return sql`(select rowid from ${user} where ${user.email} >= ${low}${below(sql`${user.email}`)}
    union select rowid from ${user} where ${name} >= ${low}${below(name)})`;
}

/** The filters' conditions (role, status, verification, two-factor), without the search. */
export function userFilters(filters: UserFilter["filters"], now = new Date()): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.role.length > 0) {
    const roles = inArray(user.role, filters.role);
    // Accounts created before roles existed have none: they are plain users.
    conditions.push(filters.role.includes("user") ? (or(roles, isNull(user.role)) as SQL) : roles);
  }
  if (filters.status === "banned") conditions.push(activeBan(now));
  if (filters.status === "active") conditions.push(sql`not (${activeBan(now)})`);
  if (filters.verified) conditions.push(eq(user.emailVerified, filters.verified === "yes"));
  if (filters.twoFactor === "on") conditions.push(eq(user.twoFactorEnabled, true));
  if (filters.twoFactor === "off") conditions.push(sql`coalesce(${user.twoFactorEnabled}, 0) = 0`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * The WHERE of the users list: the search (see `searchedRowids`), then each filter. The one place the list is
 * filtered, so the table and the CSV export always agree.
 */
export function usersWhere({ search, filters }: UserFilter, now = new Date()): SQL | undefined {
  const rowids = searchedRowids(search);
  const filtered = userFilters(filters, now);
  const searched = rowids ? sql`${user}.rowid in ${rowids}` : undefined;
  return searched && filtered ? and(searched, filtered) : (searched ?? filtered);
}
