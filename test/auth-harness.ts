// Test harness: better-auth built by the project's own createAuth over an in-memory libsql database with the
// same migrations wrangler applies, and the project's mail sink for the mail it sends.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { type Database, fromLibsql } from "@/db/database";
import * as schema from "@/db/schema";
import { type AuthSettings, createAuth } from "@/lib/auth/create-auth";
import { type MailSink, startMailSink } from "@/scripts/mail-sink";
import { cookieFrom } from "./cookies";

/** The password of every account a test makes, unless it says otherwise. */
export const PASSWORD = "correct-horse-1";

type Auth = ReturnType<typeof createAuth>;

/** Applies every migration in migrations/ in order, as `wrangler d1 migrations apply` does. */
export async function migrate(client: ReturnType<typeof createClient>) {
  const dir = join(process.cwd(), "migrations");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    const statements = readFileSync(join(dir, file), "utf8")
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    for (const statement of statements) await client.execute(statement);
  }
}

export interface SignedIn {
  /** Request headers with the session cookie (and any `extra` headers asked for). */
  headers: Headers;
  /** The Cookie header alone. */
  cookie: string;
  /** The session token (none while a second factor is pending). */
  token: string;
}

/** Signs in with email and password through `auth.api`; the session's request headers plus `extra`. */
export async function signInWith(
  auth: Auth,
  email: string,
  { password = PASSWORD, extra = {} }: { password?: string; extra?: Record<string, string> } = {},
): Promise<SignedIn> {
  const res = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = cookieFrom(res.headers);
  return {
    headers: new Headers({ cookie, ...extra }),
    cookie,
    token: res.response.token,
  };
}

export interface Harness {
  auth: Auth;
  db: Database;
  /** The libSQL client under `db`, for tests that build their own Drizzle over it (a query logger, say). */
  client: ReturnType<typeof createClient>;
  sink: MailSink;
  baseURL: string;
  /** Another auth instance (another isolate, say) with this harness's settings plus `overrides`, over `db`. */
  createAuth(overrides?: Partial<AuthSettings>, db?: Database): Auth;
  /** An auth instance over this database that counts the SQL statements it issues, and `queries` to count some. */
  countingAuth(): { auth: Auth; queries<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> };
  /** `signInWith(h.auth, …)`. */
  signIn(email: string, options?: Parameters<typeof signInWith>[2]): Promise<SignedIn>;
  close(): Promise<void>;
}

/**
 * `db` with D1's batch rules that libSQL does not have:
 * - D1 answers a `db.batch` with each statement's rows as objects keyed by column name, so a read naming two columns
 *   alike loses one of them (Drizzle then maps the values that are left to the wrong fields). Every read in a batch is
 *   first run here for its column names, and one that repeats a name fails the test that batched it.
 * - Drizzle's D1 batch maps a relational `findFirst` from the first row of its answer, and throws a TypeError when
 *   there is none; over libSQL it gives `undefined`. A batched `findFirst` fails the test (`findMany` with
 *   `limit: 1` is the same SQL).
 */
function d1Batches(db: Database, client: ReturnType<typeof createClient>): Database {
  return new Proxy(db, {
    get(target, key) {
      if (key !== "batch") return Reflect.get(target, key);
      return async (queries: unknown[]) => {
        for (const query of queries as Array<{ mode?: unknown; toSQL?(): { sql: string; params: unknown[] } }>) {
          if (query.mode === "first")
            throw new Error(`D1 cannot map a batched findFirst that finds nothing: ${query.toSQL?.().sql}`);
          const built = query.toSQL?.();
          if (!built || !/^\s*(select|with)\b/i.test(built.sql)) continue;
          const { columns } = await client.execute({ sql: built.sql, args: built.params as never[] });
          const twice = columns.find((column, i) => columns.indexOf(column) !== i);
          if (twice !== undefined) throw new Error(`D1 would merge the columns named "${twice}" of: ${built.sql}`);
        }
        return target.batch(queries as never);
      };
    },
  });
}

/** A fresh database, auth instance and mail sink for one test file (`settings` override the defaults). */
export async function createHarness(settings: Partial<AuthSettings> = {}): Promise<Harness> {
  const sink = await startMailSink({ port: 0, quiet: true });
  const client = createClient({ url: ":memory:" });
  await migrate(client);
  const db = d1Batches(fromLibsql(drizzle(client, { schema })), client);
  const baseURL = settings.BETTER_AUTH_URL ?? "http://localhost:3999";
  const all: AuthSettings = {
    BETTER_AUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789",
    BETTER_AUTH_URL: baseURL,
    RESEND_API_KEY: "re_test",
    RESEND_BASE_URL: sink.url,
    ...settings,
  };
  const another = (overrides: Partial<AuthSettings> = {}, over: Database = db) =>
    createAuth(over, { ...all, ...overrides });
  const auth = another();
  return {
    auth,
    db,
    client,
    sink,
    baseURL,
    createAuth: another,
    countingAuth() {
      let statements = 0;
      const logger = {
        logQuery: () => {
          statements += 1;
        },
      };
      return {
        auth: another({}, fromLibsql(drizzle(client, { schema, logger }))),
        async queries(run) {
          statements = 0;
          const result = await run();
          return { result, statements };
        },
      };
    },
    signIn: (email, options) => signInWith(auth, email, options),
    async close() {
      client.close();
      await sink.close();
    },
  };
}
