// The webhook work worker.ts runs outside any request handler: delivering what a request committed (after its
// response) and the cron run. On the D1 binding itself (the primary), never a read replica.
import { drizzle } from "drizzle-orm/d1";
import { perEnv } from "@/db/for-env";
import * as schema from "@/db/schema";
import { runWebhookCron } from "./cron";
import { deliverDue } from "./deliver";

// Built once per env: drizzle() walks the whole schema for its relational config on every call, about 1 ms of a
// sign-in's CPU when this was built per delivery (db/for-env.ts).
const database = perEnv((env) => drizzle(env.DB, { schema }));

/** Delivers the pending deliveries of these just-committed events. */
export async function deliverEvents(env: CloudflareEnv, eventIds: string[]) {
  try {
    await deliverDue(database(env), env, { eventIds });
  } catch (error) {
    // The deliveries stay pending: the cron tries them again.
    console.error("webhook delivery after the response failed:", error instanceof Error ? error.message : error);
  }
}

/** The Cron Trigger's run. */
export async function runCron(env: CloudflareEnv) {
  const result = await runWebhookCron(database(env), env);
  if (result.reconciled > 0 || result.attempted > 0) console.log("webhook cron:", JSON.stringify(result));
}
