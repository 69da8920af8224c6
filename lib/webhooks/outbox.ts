// The outbox: an event row and one pending delivery per endpoint that wants it, as statements to put in the same
// `db.batch` as the audit row the event comes from (lib/audit.ts `auditStatements`). Nothing is sent here: the
// worker delivers after the response (`ctx.waitUntil`, lib/webhooks/after-commit.ts) and the cron retries.
// No "server-only": worker.ts's better-auth and its scheduled handler use it outside Next.
import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { webhookDelivery, webhookEvent } from "@/db/schema";
import type { EventDraft } from "./catalogue";

/** A Standard Webhooks message id: the same for every delivery and replay of the event. */
export function newEventId(): string {
  return `msg_${crypto.randomUUID().replaceAll("-", "")}`;
}

/** The exact JSON body endpoints receive for an event. */
export function eventBody(id: string, draft: EventDraft, at: Date): string {
  return JSON.stringify({ id, type: draft.type, timestamp: at.toISOString(), data: draft.data });
}

/**
 * The insert of a pending delivery of this event to every enabled endpoint subscribed to its type: platform
 * endpoints always, an organization's own endpoints when the event belongs to it.
 */
export function fanOut(db: Database, eventId: string, draft: EventDraft, at: Date) {
  const when = at.getTime();
  // Every column of webhook_delivery, in table order (drizzle's insert…select writes them all).
  return db.insert(webhookDelivery).select(
    sql`select 'dlv_' || lower(hex(randomblob(12))), ${eventId}, e.id, 'pending', 0, ${when}, null, null, null, null, null, ${when}
    from webhook_endpoint e
    where e.enabled = 1
      and (e.organization_id is null or e.organization_id = ${draft.organizationId})
      and exists (select 1 from json_each(e.event_types) where json_each.value = ${draft.type})`,
  );
}

/** The statements that put one event in the outbox (with its deliveries), and its id. */
export function outboxStatements(db: Database, draft: EventDraft, at: Date = new Date()) {
  const id = newEventId();
  return {
    id,
    statements: [
      db.insert(webhookEvent).values({
        id,
        type: draft.type,
        organizationId: draft.organizationId,
        payload: eventBody(id, draft, at),
        createdAt: at,
      }),
      fanOut(db, id, draft, at),
    ] as const,
  };
}

/** Takes events back out of the outbox (with their deliveries) when the change they announce did not happen. */
export async function dropEvents(db: Database, eventIds: readonly string[]) {
  if (eventIds.length > 0) await db.delete(webhookEvent).where(inArray(webhookEvent.id, [...eventIds]));
}
