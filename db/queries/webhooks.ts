import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookAttempt, webhookDelivery, webhookEndpoint, webhookEvent } from "@/db/schema";
import type { SortValue } from "@/lib/data-table/search-params";
import type { EndpointScope } from "@/lib/webhooks/endpoints";
import { containsAny, pageCountOf } from "./search";

export interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
}

const inScope = (scope: EndpointScope): SQL =>
  scope.organizationId === null
    ? isNull(webhookEndpoint.organizationId)
    : eq(webhookEndpoint.organizationId, scope.organizationId);

const endpointColumns = {
  id: webhookEndpoint.id,
  url: webhookEndpoint.url,
  description: webhookEndpoint.description,
  eventTypes: webhookEndpoint.eventTypes,
  enabled: webhookEndpoint.enabled,
  disabledReason: webhookEndpoint.disabledReason,
  failingSince: webhookEndpoint.failingSince,
  createdAt: webhookEndpoint.createdAt,
};

/** Every endpoint of a scope, newest first (a handful: no paging). */
export async function listEndpoints(scope: EndpointScope): Promise<EndpointRow[]> {
  const db = await getDb();
  return db
    .select(endpointColumns)
    .from(webhookEndpoint)
    .where(inScope(scope))
    .orderBy(desc(webhookEndpoint.createdAt));
}

/** One endpoint of this scope (null for another scope's: ids from the URL are not trusted). */
export async function getEndpoint(scope: EndpointScope, id: string): Promise<EndpointRow | null> {
  const db = await getDb();
  const [row] = await db
    .select(endpointColumns)
    .from(webhookEndpoint)
    .where(and(eq(webhookEndpoint.id, id), inScope(scope)))
    .limit(1);
  return row ?? null;
}

export interface AttemptRow {
  at: Date;
  status: number | null;
  error: string | null;
  responseBody: string | null;
  latencyMs: number;
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  latencyMs: number | null;
  replayOf: string | null;
  createdAt: Date;
  log: AttemptRow[];
}

export interface DeliveriesQuery {
  search: string;
  sort: SortValue<"createdAt">;
  status: string[];
  perPage: number;
  offset: number;
}

/** One page of an endpoint's deliveries with their attempts, newest first. */
export async function listDeliveries(endpointId: string, query: DeliveriesQuery) {
  const db = await getDb();
  const where = and(
    eq(webhookDelivery.endpointId, endpointId),
    query.status.length > 0 ? inArray(webhookDelivery.status, query.status) : undefined,
    containsAny(query.search, [webhookDelivery.eventId, webhookEvent.type]),
  );
  const [rows, total] = await Promise.all([
    db
      .select({
        id: webhookDelivery.id,
        eventId: webhookDelivery.eventId,
        eventType: webhookEvent.type,
        status: webhookDelivery.status,
        attempts: webhookDelivery.attempts,
        nextAttemptAt: webhookDelivery.nextAttemptAt,
        lastStatus: webhookDelivery.lastStatus,
        lastError: webhookDelivery.lastError,
        latencyMs: webhookDelivery.latencyMs,
        replayOf: webhookDelivery.replayOf,
        createdAt: webhookDelivery.createdAt,
      })
      .from(webhookDelivery)
      .innerJoin(webhookEvent, eq(webhookEvent.id, webhookDelivery.eventId))
      .where(where)
      .orderBy(
        query.sort.desc ? desc(webhookDelivery.createdAt) : asc(webhookDelivery.createdAt),
        desc(webhookDelivery.id),
      )
      .limit(query.perPage)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(webhookDelivery)
      .innerJoin(webhookEvent, eq(webhookEvent.id, webhookDelivery.eventId))
      .where(where),
  ]);
  const attempts =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempt)
          .where(
            inArray(
              webhookAttempt.deliveryId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(webhookAttempt.at));
  const data: DeliveryRow[] = rows.map((row) => ({
    ...row,
    log: attempts
      .filter((a) => a.deliveryId === row.id)
      .map(({ at, status, error, responseBody, latencyMs }) => ({
        at,
        status,
        error,
        responseBody,
        latencyMs,
      })),
  }));
  const rowCount = total[0]?.n ?? 0;
  return { data, rowCount, pageCount: pageCountOf(rowCount, query.perPage) };
}
