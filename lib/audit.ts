// The only writer of audit rows. Callers put `auditInsert(...)` in the same `db.batch` as the change it records,
// so the change and its record land together or not at all (D1 has no interactive transactions).

import { auditEvent } from "@/db/schema";
import type { AppDatabase } from "@/lib/auth/create-auth";

export interface AuditEntry {
  /** Dotted verb, e.g. "user.ban", "member.role.update", "impersonation.start". */
  action: string;
  actorUserId?: string | null;
  impersonatorUserId?: string | null;
  targetUserId?: string | null;
  organizationId?: string | null;
  reason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  metadata?: Record<string, unknown> | null;
  at?: Date;
}

/** Who is asking: the client address (Cloudflare's header) and user agent of a request. */
export function requestOrigin(headers: Headers | null | undefined): { ip: string | null; userAgent: string | null } {
  if (!headers) return { ip: null, userAgent: null };
  return {
    ip: headers.get("cf-connecting-ip") ?? null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** An insert of one audit row, not yet run: pass it to `db.batch([change, auditInsert(db, entry)])`. */
export function auditInsert(db: AppDatabase, entry: AuditEntry) {
  return db.insert(auditEvent).values({
    id: crypto.randomUUID(),
    at: entry.at ?? new Date(),
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    impersonatorUserId: entry.impersonatorUserId ?? null,
    targetUserId: entry.targetUserId ?? null,
    organizationId: entry.organizationId ?? null,
    reason: entry.reason ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
    metadata: entry.metadata ?? null,
  });
}

/** Records one audit row on its own (when there is no change of ours to batch it with). */
export async function recordAudit(db: AppDatabase, entry: AuditEntry) {
  await auditInsert(db, entry);
}
