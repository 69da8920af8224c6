// Sending: each due delivery is claimed (a conditional update, so the request's waitUntil and the cron never send
// the same attempt twice), POSTed with the Standard Webhooks headers (10 s limit, redirects not followed), and its
// attempt recorded in one batch with the delivery's new state. At-least-once: a receiver may see an event again
// (a lost answer, a replay) and de-duplicates on `webhook-id`. No "server-only": the worker's cron runs this.
import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { webhookAttempt, webhookDelivery, webhookEndpoint, webhookEvent } from "@/db/schema";
import { type DisableSettings, disableFailingEndpoint } from "./disable";
import {
  ATTEMPT_TIMEOUT_MS,
  CLAIM_LEASE_MS,
  FAILING_DISABLE_MS,
  RESPONSE_BODY_LIMIT,
  retrySchedule,
  type WebhookSettings,
} from "./settings";
import { decryptSecret, signedHeaders } from "./signing";

export interface DeliverySettings extends WebhookSettings, DisableSettings {
  BETTER_AUTH_SECRET: string;
}

interface Due {
  id: string;
  attempts: number;
  nextAttemptAt: Date | null;
  eventId: string;
  payload: string;
  endpointId: string;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  failingSince: Date | null;
}

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  body: string | null;
  latencyMs: number;
}

/** The first RESPONSE_BODY_LIMIT bytes of a response body, as text; the rest is not read. */
async function bodyStart(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < RESPONSE_BODY_LIMIT) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all.slice(0, RESPONSE_BODY_LIMIT));
}

/** One HTTP attempt: 2xx succeeds; anything else (a redirect included), a timeout or a network error fails. */
export async function post(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Gatehouse-Webhooks/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const text = await bodyStart(response).catch(() => "");
    const ok = response.status >= 200 && response.status < 300;
    const redirect = response.status >= 300 && response.status < 400;
    return {
      ok,
      status: response.status,
      error: ok ? null : redirect ? "Redirects are not followed." : `HTTP ${response.status}`,
      body: text || null,
      latencyMs: Date.now() - started,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const message = timedOut ? `No answer within ${ATTEMPT_TIMEOUT_MS / 1000} s.` : String(error).slice(0, 300);
    return { ok: false, status: null, error: message, body: null, latencyMs: Date.now() - started };
  }
}

/** Claims a due delivery for one attempt; false when someone else did, or it is no longer due. */
async function claim(db: Database, due: Due, now: Date): Promise<boolean> {
  const claimed = await db
    .update(webhookDelivery)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(
      and(
        eq(webhookDelivery.id, due.id),
        eq(webhookDelivery.status, "pending"),
        due.nextAttemptAt
          ? eq(webhookDelivery.nextAttemptAt, due.nextAttemptAt)
          : isNull(webhookDelivery.nextAttemptAt),
      ),
    )
    .returning({ id: webhookDelivery.id });
  return claimed.length === 1;
}

/** Sends one claimed delivery and records the attempt; disables the endpoint when it has failed for a day. */
async function attempt(db: Database, settings: DeliverySettings, due: Due, now: Date) {
  const secrets = [await decryptSecret(settings.BETTER_AUTH_SECRET, due.secret)];
  if (due.previousSecret && due.previousSecretUntil && due.previousSecretUntil > now) {
    secrets.push(await decryptSecret(settings.BETTER_AUTH_SECRET, due.previousSecret));
  }
  const result = await post(due.url, signedHeaders(due.eventId, now, due.payload, secrets), due.payload);
  const attempts = due.attempts + 1;
  const schedule = retrySchedule(settings);
  const wait = schedule[attempts - 1];
  const finished = result.ok || wait === undefined;
  await db.batch([
    db.insert(webhookAttempt).values({
      id: `att_${crypto.randomUUID().replaceAll("-", "")}`,
      deliveryId: due.id,
      at: now,
      status: result.status,
      error: result.error,
      responseBody: result.body,
      latencyMs: result.latencyMs,
    }),
    db
      .update(webhookDelivery)
      .set({
        status: result.ok ? "succeeded" : finished ? "failed" : "pending",
        attempts,
        nextAttemptAt: finished ? null : new Date(now.getTime() + (wait ?? 0) * 1000),
        lastAttemptAt: now,
        lastStatus: result.status,
        lastError: result.error,
        latencyMs: result.latencyMs,
      })
      .where(eq(webhookDelivery.id, due.id)),
    result.ok
      ? db.update(webhookEndpoint).set({ failingSince: null }).where(eq(webhookEndpoint.id, due.endpointId))
      : db
          .update(webhookEndpoint)
          .set({ failingSince: sql`coalesce(${webhookEndpoint.failingSince}, ${now.getTime()})` })
          .where(eq(webhookEndpoint.id, due.endpointId)),
  ]);
  const failingSince = due.failingSince ?? now;
  if (!result.ok && now.getTime() - failingSince.getTime() >= FAILING_DISABLE_MS) {
    await disableFailingEndpoint(db, settings, due.endpointId, now);
  }
  return result;
}

export interface DeliverOptions {
  /** Only deliveries of these events (the request that wrote them); otherwise every due delivery. */
  eventIds?: readonly string[];
  /** Only these deliveries (a replay). */
  deliveryIds?: readonly string[];
  now?: Date;
  limit?: number;
}

/** Attempts every due delivery (of the given events or deliveries), at most `limit`; how many were attempted. */
export async function deliverDue(db: Database, settings: DeliverySettings, options: DeliverOptions = {}) {
  const now = options.now ?? new Date();
  const filters = [
    eq(webhookDelivery.status, "pending"),
    lte(webhookDelivery.nextAttemptAt, now),
    eq(webhookEndpoint.enabled, true),
  ];
  if (options.eventIds) filters.push(inArray(webhookDelivery.eventId, [...options.eventIds].slice(0, 90)));
  if (options.deliveryIds) filters.push(inArray(webhookDelivery.id, [...options.deliveryIds].slice(0, 90)));
  const due: Due[] = await db
    .select({
      id: webhookDelivery.id,
      attempts: webhookDelivery.attempts,
      nextAttemptAt: webhookDelivery.nextAttemptAt,
      eventId: webhookDelivery.eventId,
      payload: webhookEvent.payload,
      endpointId: webhookEndpoint.id,
      url: webhookEndpoint.url,
      secret: webhookEndpoint.secret,
      previousSecret: webhookEndpoint.previousSecret,
      previousSecretUntil: webhookEndpoint.previousSecretUntil,
      failingSince: webhookEndpoint.failingSince,
    })
    .from(webhookDelivery)
    .innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
    .innerJoin(webhookEvent, eq(webhookEvent.id, webhookDelivery.eventId))
    .where(and(...filters))
    .orderBy(webhookDelivery.nextAttemptAt)
    .limit(options.limit ?? 50);
  let attempted = 0;
  // Endpoints are independent; a slow one should not hold the others (each attempt is bounded by its timeout).
  await Promise.all(
    due.map(async (row) => {
      if (!(await claim(db, row, now))) return;
      attempted += 1;
      try {
        await attempt(db, settings, row, now);
      } catch (error) {
        console.error("webhook delivery failed to record:", error instanceof Error ? error.message : error);
      }
    }),
  );
  return attempted;
}
