// Migrations never lose data. For every split point k, a database gets the first k migrations (an older release),
// is filled with rows in every table, then gets the rest; every row must still be there and every reference must
// still resolve.
//
// D1 is emulated where it bites: foreign keys are enforced, and each migration file runs as one transaction, where
// SQLite ignores `PRAGMA foreign_keys=OFF` (D1 ignores it anyway). That is exactly where a drizzle-kit table rebuild
// (create __new_x, copy, DROP x, rename) cascade-deletes the rows of every table that references x with ON DELETE
// CASCADE. `PRAGMA defer_foreign_keys = on` does not stop that: it defers constraint checks, not cascade actions
// (checked below). A rebuild of a referenced table must save its children (and theirs) before the DROP and put
// them back after the rename, in the same migration: the last test here shows the recipe.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Client, createClient, type InValue } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";

interface Migration {
  name: string;
  sql: string;
}

const DIR = join(process.cwd(), "migrations");
const MIGRATIONS: Migration[] = readdirSync(DIR)
  .filter((file) => file.endsWith(".sql"))
  .sort()
  .map((file) => ({ name: file, sql: readFileSync(join(DIR, file), "utf8") }));

/** The tables the product holds data in; each must exist in the previous release and be filled by this test. */
const KNOWN_TABLES = [
  "user",
  "session",
  "account",
  "verification",
  "organization",
  "member",
  "invitation",
  "team",
  "team_member",
  "organization_role",
  "two_factor",
  "audit_event",
  "rate_limit",
  "second_factor_use",
];

/** The statements wrangler would run, minus `PRAGMA foreign_keys`, which D1 ignores inside a migration. */
function statements(sql: string): string[] {
  return sql
    .split("--> statement-breakpoint")
    .map((statement) => statement.trim())
    .filter((statement) => statement !== "" && !/^PRAGMA\s+foreign_keys\s*=/i.test(statement));
}

async function openD1Like(): Promise<Client> {
  const client = createClient({ url: ":memory:" });
  await client.execute("PRAGMA foreign_keys = ON");
  return client;
}

/** Each migration in one write transaction, as D1 applies a migration file. */
async function apply(client: Client, migrations: Migration[]) {
  for (const migration of migrations) {
    try {
      await client.batch(statements(migration.sql), "write");
    } catch (error) {
      throw new Error(`${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

/** Tables whose rows are computed from other tables by triggers, never written by the product. */
const DERIVED_TABLES = ["user_total", "organization_total", "organization_member_total", "organization_role_total"];

async function userTables(client: Client): Promise<string[]> {
  const { rows } = await client.execute(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  );
  const all = rows.map((row) => ({ name: String(row.name), sql: String(row.sql ?? "") }));
  // Full-text indexes (virtual tables and their shadow tables) are derived data, rebuilt from the tables they index;
  // so are the counters that triggers keep (user_total and the totals of migrations/0008, written only by triggers).
  const virtual = all.filter((t) => /^CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql)).map((t) => t.name);
  return all
    .filter((t) => !virtual.includes(t.name) && !virtual.some((v) => t.name.startsWith(`${v}_`)))
    .filter((t) => !DERIVED_TABLES.includes(t.name))
    .map((t) => t.name);
}

async function columns(client: Client, table: string): Promise<Column[]> {
  const { rows } = await client.execute(`PRAGMA table_info(\`${table}\`)`);
  return rows.map((row) => ({
    name: String(row.name),
    type: String(row.type).toUpperCase(),
    notnull: Number(row.notnull),
    pk: Number(row.pk),
  }));
}

async function foreignKeys(client: Client, table: string): Promise<ForeignKey[]> {
  const { rows } = await client.execute(`PRAGMA foreign_key_list(\`${table}\`)`);
  return rows.map((row) => ({
    table: String(row.table),
    from: String(row.from),
    to: row.to === null ? null : String(row.to),
  }));
}

/** Values that mean something to the app (or to a future data migration); anything else gets a generic value. */
const MEANINGFUL: Record<string, (i: number) => InValue> = {
  "user.email": (i) => `user-${i}@example.test`,
  "user.role": () => "user",
  "member.role": (i) => (i === 0 ? "owner" : "member"),
  "invitation.status": () => "pending",
  "invitation.role": () => "member",
  "organization_role.permission": () => JSON.stringify({ organization: ["update"] }),
  "audit_event.metadata": (i) => JSON.stringify({ n: i }),
  "organization.metadata": () => null,
  "two_factor.backup_codes": () => "[]",
};

const ROWS_PER_TABLE = 3;

/** Parents before children (self-references aside). */
async function fillOrder(client: Client, tables: string[]) {
  const deps = new Map<string, string[]>();
  for (const table of tables) {
    deps.set(
      table,
      (await foreignKeys(client, table)).map((fk) => fk.table).filter((t) => t !== table && tables.includes(t)),
    );
  }
  const order: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (order.includes(table)) return;
    if (path.includes(table)) throw new Error(`foreign key cycle: ${[...path, table].join(" → ")}`);
    for (const parent of deps.get(table) ?? []) visit(parent, [...path, table]);
    order.push(table);
  };
  for (const table of tables) visit(table, []);
  return order;
}

/** Rows in every table, children pointing at their parents' rows; returns each table's primary keys. */
async function fill(client: Client): Promise<Map<string, string[]>> {
  const tables = await userTables(client);
  const inserted = new Map<string, Record<string, InValue>[]>();
  for (const table of await fillOrder(client, tables)) {
    const cols = await columns(client, table);
    const fks = await foreignKeys(client, table);
    const rows: Record<string, InValue>[] = [];
    for (let i = 0; i < ROWS_PER_TABLE; i += 1) {
      const row: Record<string, InValue> = {};
      for (const col of cols) {
        const fk = fks.find((f) => f.from === col.name);
        const parentRows = fk && fk.table !== table ? inserted.get(fk.table) : undefined;
        const meaningful = MEANINGFUL[`${table}.${col.name}`];
        if (parentRows) {
          const parent = parentRows[i % parentRows.length];
          row[col.name] = parent?.[fk?.to ?? "id"] ?? null;
        } else if (fk && !col.notnull) {
          row[col.name] = null;
        } else if (meaningful) {
          row[col.name] = meaningful(i);
        } else if (col.type.includes("INT")) {
          row[col.name] = 1_800_000_000_000 + i;
        } else if (col.type.includes("REAL") || col.type.includes("FLOA") || col.type.includes("DOUB")) {
          row[col.name] = i + 0.5;
        } else if (col.type.includes("BLOB")) {
          row[col.name] = new Uint8Array([i]);
        } else {
          row[col.name] = `${table}-${col.name}-${i}`;
        }
      }
      const names = Object.keys(row);
      await client.execute({
        sql: `INSERT INTO \`${table}\` (${names.map((n) => `\`${n}\``).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
        args: names.map((n) => row[n] ?? null),
      });
      rows.push(row);
    }
    inserted.set(table, rows);
  }
  const keys = new Map<string, string[]>();
  for (const table of tables) keys.set(table, await primaryKeys(client, table));
  return keys;
}

/** Every row's primary key (rowid for a table without one), as text. */
async function primaryKeys(client: Client, table: string): Promise<string[]> {
  const pk = (await columns(client, table))
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => `\`${c.name}\``);
  const key = pk.length > 0 ? pk.join(" || '|' || ") : "rowid";
  const { rows } = await client.execute(`SELECT ${key} AS k FROM \`${table}\` ORDER BY 1`);
  return rows.map((row) => String(row.k));
}

/** Fills the database after `before`, applies `after`, and returns what went missing per table. */
async function lostRows(before: Migration[], after: Migration[]) {
  const client = await openD1Like();
  clients.push(client);
  await apply(client, before);
  const filled = await fill(client);
  await apply(client, after);
  const remaining = new Set(await userTables(client));
  const lost: Record<string, string[]> = {};
  for (const [table, keys] of filled) {
    if (keys.length === 0) continue;
    const now = remaining.has(table) ? new Set(await primaryKeys(client, table)) : new Set<string>();
    const missing = keys.filter((k) => !now.has(k));
    if (missing.length > 0) lost[table] = missing;
  }
  const { rows: dangling } = await client.execute("PRAGMA foreign_key_check");
  return { lost, filled: [...filled.keys()], dangling: dangling.map((r) => `${r.table} → ${r.parent}`) };
}

const clients: Client[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

describe("migrations keep every row (D1 rules: foreign keys on, PRAGMA foreign_keys ignored)", () => {
  it("has migrations to check", () => {
    expect(MIGRATIONS.length).toBeGreaterThan(1);
  });

  it.each(MIGRATIONS.slice(1).map((migration, index) => ({ k: index + 1, first: migration.name })))(
    "data written after the first $k migrations survives $first and everything after it",
    async ({ k }) => {
      const { lost, filled, dangling } = await lostRows(MIGRATIONS.slice(0, k), MIGRATIONS.slice(k));
      expect(filled.length).toBeGreaterThan(0);
      expect(lost).toEqual({});
      expect(dangling).toEqual([]);
    },
  );

  it("fills every table of the previous release, the product's tables included", async () => {
    const client = await openD1Like();
    clients.push(client);
    await apply(client, MIGRATIONS.slice(0, -1));
    const filled = await fill(client);
    expect([...filled.keys()]).toEqual(expect.arrayContaining(KNOWN_TABLES));
    // The activity roll-ups (0016, 0018) also gain rows from their triggers as the tables before them are filled.
    const rollUps = new Set(["activity_counter", "user_last_active", "last_active_day"]);
    for (const [table, keys] of filled) {
      if (rollUps.has(table)) expect(keys.length, table).toBeGreaterThanOrEqual(ROWS_PER_TABLE);
      else expect(keys, table).toHaveLength(ROWS_PER_TABLE);
    }
  });
});

describe("the emulation catches what D1 does to a careless table rebuild", () => {
  // What drizzle-kit generates to change a column of `organization`, which member, invitation, team and
  // organization_role reference with ON DELETE CASCADE.
  const rebuild = (prefix: string): Migration => ({
    name: "9999_rebuild_organization.sql",
    sql: [
      prefix,
      "CREATE TABLE `__new_organization` (`id` text PRIMARY KEY NOT NULL, `name` text NOT NULL, `slug` text NOT NULL, `logo` text, `created_at` integer NOT NULL, `metadata` text)",
      'INSERT INTO `__new_organization`("id", "name", "slug", "logo", "created_at", "metadata") SELECT "id", "name", "slug", "logo", "created_at", "metadata" FROM `organization`',
      "DROP TABLE `organization`",
      "ALTER TABLE `__new_organization` RENAME TO `organization`",
      "CREATE UNIQUE INDEX `organization_slug_unique` ON `organization` (`slug`)",
    ]
      .filter(Boolean)
      .join(";--> statement-breakpoint\n"),
  });

  it("loses the members of every organization despite PRAGMA foreign_keys=OFF, and despite defer_foreign_keys", async () => {
    for (const prefix of ["PRAGMA foreign_keys=OFF", "PRAGMA defer_foreign_keys = on"]) {
      const { lost } = await lostRows(MIGRATIONS, [rebuild(prefix)]);
      expect(Object.keys(lost), prefix).toEqual(expect.arrayContaining(["member", "invitation", "team"]));
    }
  });

  it("keeps them when the migration saves the children (and grandchildren) first and restores them after", async () => {
    const ours = ["organization_policy", "organization_domain", "organization_join_request"];
    const children = [
      "team",
      "team_member",
      "member",
      "invitation",
      "organization_role",
      "webhook_endpoint",
      "webhook_delivery",
      "webhook_attempt",
      ...ours,
    ];
    const save = children.map((t) => `CREATE TABLE \`__save_${t}\` AS SELECT * FROM \`${t}\``);
    const restore = children.flatMap((t) => [
      `INSERT INTO \`${t}\` SELECT * FROM \`__save_${t}\` WHERE true ON CONFLICT DO NOTHING`,
      `DROP TABLE \`__save_${t}\``,
    ]);
    const recipe = rebuild(save.join(";--> statement-breakpoint\n"));
    recipe.sql = [recipe.sql, ...restore].join(";--> statement-breakpoint\n");
    const { lost, dangling } = await lostRows(MIGRATIONS, [recipe]);
    expect(lost).toEqual({});
    expect(dangling).toEqual([]);
  });
});
