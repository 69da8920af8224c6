import { getTableColumns, type SQL, sql, type Table } from "drizzle-orm";

/**
 * A table's columns, each selected under `<prefix><field>` and decoded as the column decodes it. D1 answers a
 * `db.batch` with rows as objects keyed by column name, which Drizzle turns back into arrays, so a statement in a batch
 * must not name two columns alike: a join selecting `organization.id` and `member.id` as they are would lose one.
 * Selecting each table through this keeps a join batchable.
 */
export function prefixedColumns<T extends Table>(table: T, prefix: string) {
  const byPrefix = built.get(table) ?? new Map<string, Record<string, SQL.Aliased>>();
  built.set(table, byPrefix);
  let columns = byPrefix.get(prefix);
  if (!columns) {
    columns = Object.fromEntries(
      Object.entries(getTableColumns(table)).map(([field, column]) => [
        field,
        sql`${column}`.mapWith(column).as(`${prefix}${field}`),
      ]),
    );
    byPrefix.set(prefix, columns);
  }
  return columns as { [K in keyof T["$inferSelect"]]: SQL.Aliased<T["$inferSelect"][K]> };
}

/**
 * Built once per table and prefix: the session check selects two tables' columns this way on every console request,
 * and building the aliased expressions anew each time was a third of its statements' build (a Drizzle selection is
 * a description, never changed by the queries that use it).
 */
const built = new WeakMap<Table, Map<string, Record<string, SQL.Aliased>>>();
