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

export interface Harness {
  auth: ReturnType<typeof createAuth>;
  db: Database;
  /** The libSQL client under `db`, for tests that build their own Drizzle over it (a query logger, say). */
  client: ReturnType<typeof createClient>;
  sink: MailSink;
  baseURL: string;
  close(): Promise<void>;
}

/** A fresh database, auth instance and mail sink for one test file (`settings` override the defaults). */
export async function createHarness(settings: Partial<AuthSettings> = {}): Promise<Harness> {
  const sink = await startMailSink({ port: 0, quiet: true });
  const client = createClient({ url: ":memory:" });
  await migrate(client);
  const db = fromLibsql(drizzle(client, { schema }));
  const baseURL = settings.BETTER_AUTH_URL ?? "http://localhost:3999";
  const auth = createAuth(db, {
    BETTER_AUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789",
    BETTER_AUTH_URL: baseURL,
    RESEND_API_KEY: "re_test",
    RESEND_BASE_URL: sink.url,
    ...settings,
  });
  return {
    auth,
    db,
    client,
    sink,
    baseURL,
    async close() {
      client.close();
      await sink.close();
    },
  };
}
