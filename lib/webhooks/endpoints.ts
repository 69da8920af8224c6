// The writes of webhook endpoint management, each in one batch with its audit row (the actions in
// lib/actions/webhooks decide who may; these take the scope they resolved). Secrets are returned only by create and
// rotate, for the one time they are shown.
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { webhookDelivery, webhookEndpoint } from "@/db/schema";
import { type AuditEntry, auditInsert } from "@/lib/audit";
import { PREVIOUS_SECRET_GRACE_MS } from "./settings";
import { encryptSecret, newSecret } from "./signing";

/** Whose endpoints: an organization's, or the platform's (null). */
export interface EndpointScope {
  organizationId: string | null;
}

/** Who acts and from where, for the audit rows. */
export type Actor = Pick<AuditEntry, "actorUserId" | "impersonatorUserId" | "ip" | "userAgent">;

export interface EndpointFields {
  url: string;
  description?: string | null;
  eventTypes: string[];
}

const inScope = (scope: EndpointScope): SQL =>
  scope.organizationId === null
    ? isNull(webhookEndpoint.organizationId)
    : eq(webhookEndpoint.organizationId, scope.organizationId);

/** The endpoint with this id in this scope (another organization's is "not found"). */
export async function findEndpoint(db: Database, scope: EndpointScope, id: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.id, id), inScope(scope)))
    .limit(1);
  return row ?? null;
}

function audit(db: Database, actor: Actor, scope: EndpointScope, action: AuditEntry["action"], metadata: object) {
  return auditInsert(db, { ...actor, action, organizationId: scope.organizationId, metadata: { ...metadata } });
}

export async function createEndpoint(
  db: Database,
  appSecret: string,
  scope: EndpointScope,
  actor: Actor,
  fields: EndpointFields,
) {
  const id = `whe_${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
  const secret = newSecret();
  const now = new Date();
  await db.batch([
    db.insert(webhookEndpoint).values({
      id,
      organizationId: scope.organizationId,
      url: fields.url,
      description: fields.description ?? null,
      eventTypes: fields.eventTypes,
      secret: await encryptSecret(appSecret, secret),
      createdBy: actor.actorUserId ?? null,
      createdAt: now,
      updatedAt: now,
    }),
    audit(db, actor, scope, "webhook.endpoint.create", {
      endpointId: id,
      url: fields.url,
      eventTypes: fields.eventTypes,
    }),
  ]);
  return { id, secret };
}

export async function updateEndpoint(
  db: Database,
  scope: EndpointScope,
  actor: Actor,
  id: string,
  fields: EndpointFields,
) {
  const [changed] = await db.batch([
    db
      .update(webhookEndpoint)
      .set({ ...fields, description: fields.description ?? null, updatedAt: new Date() })
      .where(and(eq(webhookEndpoint.id, id), inScope(scope)))
      .returning({ id: webhookEndpoint.id }),
    audit(db, actor, scope, "webhook.endpoint.update", {
      endpointId: id,
      url: fields.url,
      eventTypes: fields.eventTypes,
    }),
  ]);
  return changed.length === 1;
}

/** Turns an endpoint on (its failure streak forgotten) or off by hand. */
export async function setEndpointEnabled(
  db: Database,
  scope: EndpointScope,
  actor: Actor,
  id: string,
  enabled: boolean,
) {
  await db.batch([
    db
      .update(webhookEndpoint)
      .set({ enabled, disabledReason: enabled ? null : "manual", failingSince: null, updatedAt: new Date() })
      .where(and(eq(webhookEndpoint.id, id), inScope(scope))),
    audit(db, actor, scope, enabled ? "webhook.endpoint.enable" : "webhook.endpoint.disable", { endpointId: id }),
  ]);
}

/** A new secret; the previous one keeps signing alongside it for PREVIOUS_SECRET_GRACE_MS. */
export async function rotateEndpointSecret(
  db: Database,
  appSecret: string,
  scope: EndpointScope,
  actor: Actor,
  id: string,
) {
  const secret = newSecret();
  const now = new Date();
  await db.batch([
    db
      .update(webhookEndpoint)
      .set({
        previousSecret: sql`${webhookEndpoint.secret}`,
        previousSecretUntil: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS),
        secret: await encryptSecret(appSecret, secret),
        updatedAt: now,
      })
      .where(and(eq(webhookEndpoint.id, id), inScope(scope))),
    audit(db, actor, scope, "webhook.endpoint.rotate_secret", { endpointId: id }),
  ]);
  return { secret };
}

export async function deleteEndpoint(db: Database, scope: EndpointScope, actor: Actor, id: string) {
  await db.batch([
    db.delete(webhookEndpoint).where(and(eq(webhookEndpoint.id, id), inScope(scope))),
    audit(db, actor, scope, "webhook.endpoint.delete", { endpointId: id }),
  ]);
}

/**
 * Sends an event to an endpoint again: a new delivery of the same event (same `webhook-id`), due now. Null when the
 * delivery is not one of this scope's endpoints.
 */
export async function replayDelivery(db: Database, scope: EndpointScope, actor: Actor, deliveryId: string) {
  const [original] = await db
    .select({ eventId: webhookDelivery.eventId, endpointId: webhookDelivery.endpointId })
    .from(webhookDelivery)
    .innerJoin(webhookEndpoint, eq(webhookEndpoint.id, webhookDelivery.endpointId))
    .where(and(eq(webhookDelivery.id, deliveryId), inScope(scope)))
    .limit(1);
  if (!original) return null;
  const id = `dlv_${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
  const now = new Date();
  await db.batch([
    db
      .insert(webhookDelivery)
      .values({ id, ...original, status: "pending", nextAttemptAt: now, replayOf: deliveryId, createdAt: now }),
    audit(db, actor, scope, "webhook.delivery.replay", { deliveryId, replayId: id, eventId: original.eventId }),
  ]);
  return { id, eventId: original.eventId };
}
