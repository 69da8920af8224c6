import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { auditEvent } from "@/db/schema";
import { type AuditEntry, auditInsert } from "@/lib/audit";

/**
 * An audit row that stays only if `landed` holds once the change before it ran: the two statements to put in the
 * change's `db.batch`, after the change. A change that did not land (a concurrent one won) leaves no row.
 */
export function auditIf(db: Database, entry: AuditEntry, landed: SQL) {
  const id = entry.id ?? crypto.randomUUID();
  return [
    auditInsert(db, { ...entry, id }),
    db.delete(auditEvent).where(and(eq(auditEvent.id, id), sql`not (${landed})`)),
  ] as const;
}
