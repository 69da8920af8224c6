import { getTableColumns, type SQL, sql, type Table } from "drizzle-orm";

/**
 * A table's columns, each selected under `<prefix><field>` and decoded as the column decodes it. D1 answers a
 * `db.batch` with rows as objects keyed by column name, which Drizzle turns back into arrays, so a statement in a batch
 * must not name two columns alike: a join selecting `organization.id` and `member.id` as they are would lose one.
 * Selecting each table through this keeps a join batchable.
 */
export function prefixedColumns<T extends Table>(table: T, prefix: string) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([field, column]) => [
      field,
      sql`${column}`.mapWith(column).as(`${prefix}${field}`),
    ]),
  ) as { [K in keyof T["$inferSelect"]]: SQL.Aliased<T["$inferSelect"][K]> };
}
