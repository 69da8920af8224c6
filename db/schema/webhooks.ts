import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organization } from "./auth";

const now = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

/**
 * Where events are sent: an organization's endpoint (its own events) or a platform endpoint (`organization_id` null,
 * every event). The signing secret is stored encrypted with BETTER_AUTH_SECRET and shown once; after a rotation the
 * previous one keeps signing alongside the new one until `previous_secret_until`.
 */
export const webhookEndpoint = sqliteTable(
  "webhook_endpoint",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id").references(() => organization.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    /** JSON array of event types (lib/webhooks/catalogue.ts). */
    eventTypes: text("event_types", { mode: "json" }).$type<string[]>().notNull(),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretUntil: integer("previous_secret_until", { mode: "timestamp_ms" }),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Why it is disabled: `manual`, or `failing` (failed for a day; its owners were mailed). */
    disabledReason: text("disabled_reason"),
    /** The first failed attempt since the last success; null while it succeeds. */
    failingSince: integer("failing_since", { mode: "timestamp_ms" }),
    createdBy: text("created_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("webhook_endpoint_org_idx").on(t.organizationId, t.createdAt)],
);

/**
 * The outbox: one row per event, written in the same batch as the audit row it comes from. `payload` is the exact
 * body every endpoint receives; `id` is the `webhook-id` of every delivery and replay of it (de-duplication).
 * No foreign keys: an event outlives the organization it names.
 */
export const webhookEvent = sqliteTable(
  "webhook_event",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    organizationId: text("organization_id"),
    payload: text("payload").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("webhook_event_created_idx").on(t.createdAt)],
);

/** One event to one endpoint: pending until it succeeds or its attempts run out. A replay is a new delivery. */
export const webhookDelivery = sqliteTable(
  "webhook_delivery",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvent.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoint.id, { onDelete: "cascade" }),
    /** `pending`, `succeeded` or `failed` (every attempt failed). */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** When the next attempt is due (while pending); a claimed attempt pushes it out by the lease. */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    lastAttemptAt: integer("last_attempt_at", { mode: "timestamp_ms" }),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    latencyMs: integer("latency_ms"),
    replayOf: text("replay_of"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    index("webhook_delivery_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_delivery_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_delivery_event_idx").on(t.eventId),
  ],
);

/** Each HTTP attempt of a delivery: the delivery log. Response bodies are cut at 1 KiB. */
export const webhookAttempt = sqliteTable(
  "webhook_attempt",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDelivery.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    status: integer("status"),
    error: text("error"),
    responseBody: text("response_body"),
    latencyMs: integer("latency_ms").notNull(),
  },
  (t) => [index("webhook_attempt_delivery_idx").on(t.deliveryId, t.at)],
);

/**
 * A change better-auth is about to make that should emit an event (lib/webhooks/intents.ts): written before the
 * endpoint runs, removed after it. One still here minutes later belongs to a request that was interrupted between
 * better-auth's write and our after-hook: the cron checks whether the change landed and, if it has no audit row,
 * writes the audit row and the event then.
 */
export const webhookIntent = sqliteTable(
  "webhook_intent",
  {
    id: text("id").primaryKey(),
    path: text("path").notNull(),
    actorUserId: text("actor_user_id"),
    impersonatorUserId: text("impersonator_user_id"),
    targetUserId: text("target_user_id"),
    organizationId: text("organization_id"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("webhook_intent_created_idx").on(t.createdAt)],
);
