import "server-only";
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { auditEvent, user } from "@/db/schema";
import type { SortValue } from "@/lib/data-table/search-params";
import { containsAny, pageCountOf } from "./search";

export interface OrgAuditRow {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
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
export async function selectOrgAuditPage(db: Database, organizationId: string, query: OrgAuditQuery) {
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
        targetName: target.name,
        targetEmail: target.email,
        metadata: auditEvent.metadata,
        ip: auditEvent.ip,
      })
      .from(auditEvent)
      .leftJoin(actor, eq(actor.id, auditEvent.actorUserId))
      .leftJoin(target, eq(target.id, auditEvent.targetUserId))
      .where(where)
      .orderBy(query.sort.desc ? desc(column) : asc(column), desc(auditEvent.id))
      .limit(query.perPage)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(auditEvent)
      .leftJoin(actor, eq(actor.id, auditEvent.actorUserId))
      .leftJoin(target, eq(target.id, auditEvent.targetUserId))
      .where(where),
  ]);
  const rowCount = total[0]?.n ?? 0;
  return { data: rows satisfies OrgAuditRow[], rowCount, pageCount: pageCountOf(rowCount, query.perPage) };
}
