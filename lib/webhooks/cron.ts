// What the Cron Trigger does (worker.ts `scheduled`, every minute): finish what interrupted requests left (their
// outbox intents, lib/webhooks/intents.ts), retry every delivery that is due, and prune events, deliveries and
// attempts past the retention period; once an hour, prune idle rate-limit counters.
import { lt, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { pruneRateLimits } from "@/db/queries/rate-limit";
import { webhookEvent } from "@/db/schema";
import { type DeliverySettings, deliverDue } from "./deliver";
import { reconcileIntents } from "./intents";
import { retentionDays } from "./settings";

/** Rows pruned per run at most (a D1 batch has a 30 s limit; the next run takes the rest). */
const PRUNE_BATCH = 500;

export async function pruneWebhookLog(db: Database, settings: DeliverySettings, now: Date) {
  const before = new Date(now.getTime() - retentionDays(settings) * 24 * 60 * 60 * 1000);
  // Deliveries and attempts go with their event (ON DELETE CASCADE).
  const old = db.select({ id: webhookEvent.id }).from(webhookEvent).where(lt(webhookEvent.createdAt, before));
  await db.delete(webhookEvent).where(sql`${webhookEvent.id} in (${old.limit(PRUNE_BATCH)})`);
}

/** One run of the webhook cron; what it did, for the log. */
export async function runWebhookCron(db: Database, settings: DeliverySettings, now: Date = new Date()) {
  const reconciled = await reconcileIntents(db, now);
  const attempted = await deliverDue(db, settings, { now, limit: 100 });
  await pruneWebhookLog(db, settings, now);
  if (now.getUTCMinutes() === 0) await pruneRateLimits(db, now.getTime());
  return { reconciled, attempted };
}
