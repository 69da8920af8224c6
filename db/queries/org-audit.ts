import "server-only";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { apikey, auditEvent, user } from "@/db/schema";
import type { SortValue } from "@/lib/data-table/search-params";
import { AUDIT_COUNT_CAP } from "./audit";
import { cappedTotal, containsAny } from "./search";

export interface OrgAuditRow {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  /** When an API key acted (the provisioning API): its name (kept in the row's metadata once it is revoked). */
  actorApiKey: { id: string; name: string | null } | null;
  targetName: string | null;
  targetEmail: string | null;
  metadata: Record<string, unknown> | null;
  ip: string | null;
}

export interface OrgAuditQuery {
  search: string;
  filters: { action: readonly string[] };
  sort: SortValue<"at" | "action">;
  perPage: number;
  offset: number;
}

const actor = alias(user, "actor");
const target = alias(user, "target");

/** One page of an organization's own audit events (who did what to whom), newest first by default. */
export async function listOrgAuditEvents(organizationId: string, query: OrgAuditQuery) {
  return selectOrgAuditPage(await getDb(), organizationId, query);
}

/** `listOrgAuditEvents` on a given database. */
export async function selectOrgAuditPage(
  db: Database,
  organizationId: string,
  query: OrgAuditQuery,
  cap = AUDIT_COUNT_CAP,
): Promise<{ data: OrgAuditRow[]; rowCount: number; capped: boolean; pageCount: number }> {
  const conditions: Array<SQL | undefined> = [
    eq(auditEvent.organizationId, organizationId),
    query.filters.action.length > 0 ? inArray(auditEvent.action, [...query.filters.action]) : undefined,
    containsAny(query.search, [actor.name, actor.email, target.name, target.email]),
  ];
  const where = and(...conditions);
  const column = query.sort.id === "action" ? auditEvent.action : auditEvent.at;
  const [rows, total] = await Promise.all([
    db
      .select({
        id: auditEvent.id,
        at: auditEvent.at,
        action: auditEvent.action,
        actorName: actor.name,
        actorEmail: actor.email,
        actorApiKeyId: auditEvent.actorApiKeyId,
        actorApiKeyName: apikey.name,
        targetName: target.name,
        targetEmail: target.email,
        metadata: auditEvent.metadata,
        ip: auditEvent.ip,
      })
      .from(auditEvent)
      .leftJoin(actor, eq(actor.id, auditEvent.actorUserId))
      .leftJoin(apikey, eq(apikey.id, auditEvent.actorApiKeyId))
      .leftJoin(target, eq(target.id, auditEvent.targetUserId))
      .where(where)
      .orderBy(query.sort.desc ? desc(column) : asc(column), desc(auditEvent.id))
      .limit(query.perPage)
      .offset(query.offset),
    // Counted up to one past the cap (AUDIT_COUNT_CAP): an organization's trail grows with every change in it.
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(auditEvent)
        .leftJoin(actor, eq(actor.id, auditEvent.actorUserId))
        .leftJoin(target, eq(target.id, auditEvent.targetUserId))
        .where(where)
        .limit(cap + 1)
        .as("matches"),
    ),
  ]);

  const data: OrgAuditRow[] = rows.map(({ actorApiKeyId, actorApiKeyName, ...row }) => ({
    ...row,
    actorApiKey: actorApiKeyId ? { id: actorApiKeyId, name: actorApiKeyName ?? keyNameIn(row.metadata) } : null,
  }));
  return { data, ...cappedTotal(total[0]?.n ?? 0, cap, query.perPage) };
}

/** The key's name as the row recorded it (`metadata.apiKey.name`): the key itself may be revoked since. */
function keyNameIn(metadata: Record<string, unknown> | null): string | null {
  const name = (metadata?.apiKey as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? name : null;
}
