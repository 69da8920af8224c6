// The only writer of audit rows. Callers put `auditInsert(...)` in the same `db.batch` as the change it records,
// so the change and its record land together or not at all (D1 has no interactive transactions). A row the webhook
// catalogue turns into events (lib/webhooks/catalogue.ts) is written with `auditStatements`, whose statements add
// the events to the outbox in the same batch; `recordAudit` does that for a row on its own.

import type { Database } from "@/db/database";
import { auditEvent } from "@/db/schema";
import type { AuditAction, AuditBaseAction } from "@/lib/audit-actions";
import type { OrgAuditAction } from "@/lib/org-audit-actions";
import { deliverSoon } from "@/lib/webhooks/after-commit";
import { eventsFromAudit } from "@/lib/webhooks/catalogue";
import { outboxStatements } from "@/lib/webhooks/outbox";

export {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditBaseAction,
  type DeniedAuditAction,
  deniedAction,
} from "@/lib/audit-actions";

export interface AuditEntry {
  /** Given when a later statement of the same batch must refer to the row. */
  id?: string;
  /** Dotted verb, e.g. "user.ban", "member.role.update", "impersonation.start" (lib/audit-actions.ts). */
  action: AuditAction;
  actorUserId?: string | null;
  /** The organization API key that acted (the provisioning API), instead of a person. */
  actorApiKeyId?: string | null;
  impersonatorUserId?: string | null;
  targetUserId?: string | null;
  organizationId?: string | null;
  reason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  metadata?: Record<string, unknown> | null;
  at?: Date;
  /** What a webhook event needs that the row does not keep (a new user's email and name); not stored here. */
  event?: Record<string, unknown> | null;
}

/** Who is asking: the client address (Cloudflare's header) and user agent of a request. */
export function requestOrigin(headers: Headers | null | undefined): { ip: string | null; userAgent: string | null } {
  if (!headers) return { ip: null, userAgent: null };
  return {
    ip: headers.get("cf-connecting-ip") ?? null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}

function auditValues(entry: AuditEntry) {
  return {
    id: entry.id ?? crypto.randomUUID(),
    at: entry.at ?? new Date(),
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorApiKeyId: entry.actorApiKeyId ?? null,
    impersonatorUserId: entry.impersonatorUserId ?? null,
    targetUserId: entry.targetUserId ?? null,
    organizationId: entry.organizationId ?? null,
    reason: entry.reason ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
    metadata: entry.metadata ?? null,
  };
}

/** An insert of one audit row, not yet run: pass it to `db.batch([change, auditInsert(db, entry)])`. */
export function auditInsert(db: Database, entry: AuditEntry) {
  return db.insert(auditEvent).values(auditValues(entry));
}

/** Rows per insert statement: an audit row binds 11 parameters, D1 allows 100 per statement. */
const AUDIT_ROWS_PER_STATEMENT = 9;

/** Inserts of many audit rows (9 per statement), not yet run: spread them into the change's `db.batch`. */
export function auditInsertMany(db: Database, entries: readonly AuditEntry[]) {
  const statements = [];
  for (let i = 0; i < entries.length; i += AUDIT_ROWS_PER_STATEMENT) {
    statements.push(db.insert(auditEvent).values(entries.slice(i, i + AUDIT_ROWS_PER_STATEMENT).map(auditValues)));
  }
  return statements;
}

/**
 * The audit row and the outbox rows of the events it stands for, not yet run: put `statements` in the change's
 * `db.batch`, then call `deliverSoon(eventIds)` once it has landed.
 */
export function auditStatements(db: Database, entry: AuditEntry) {
  const at = entry.at ?? new Date();
  const events = eventsFromAudit({ ...entry }).map((draft) => outboxStatements(db, draft, at));
  return {
    statements: [auditInsert(db, { ...entry, at }), ...events.flatMap((event) => event.statements)] as const,
    eventIds: events.map((event) => event.id),
    /** Where each event's fan-out (its deliveries' insert) sits in `statements`: the second of its two. */
    fanOuts: events.map((_, index) => 2 + 2 * index),
  };
}

/** The rows a batched write wrote, as D1 (`meta.changes`) or libSQL (`rowsAffected`) reports it; null if unknown. */
function rowsWrittenBy(result: unknown): number | null {
  const reported = result as { meta?: { changes?: unknown }; rowsAffected?: unknown } | undefined;
  const changes = reported?.meta?.changes ?? reported?.rowsAffected;
  return typeof changes === "number" ? changes : null;
}

type BatchItems = Parameters<Database["batch"]>[0];

/** `leading`, then the audit row with its events, then `alongside`, in one D1 call; every statement's result. */
async function batchWithAudit(
  db: Database,
  leading: BatchItems[number][],
  entry: AuditEntry,
  alongside: BatchItems[number][],
): Promise<readonly unknown[]> {
  const { statements, eventIds, fanOuts } = auditStatements(db, entry);
  const all = [...leading, ...statements, ...alongside];
  if (all.length === 1) return [await statements[0]];
  const results = await db.batch(all as unknown as BatchItems);
  // No endpoint subscribed to these events (nothing queued): no delivery pass, which would read D1 to find nothing
  // (on every sign-in of a deployment without webhooks).
  if (fanOuts.some((index) => rowsWrittenBy(results[leading.length + index]) !== 0)) deliverSoon(eventIds);
  return results;
}

/**
 * Records one audit row with its events (when there is no change of ours to batch it with), and `alongside`, any
 * bookkeeping that should land in the same D1 call rather than a call of its own.
 */
export async function recordAudit(db: Database, entry: AuditEntry, alongside: BatchItems[number][] = []) {
  await batchWithAudit(db, [], entry, alongside);
}

/** Runs `change` with its audit row, events and `alongside` in one D1 call (atomic: all land or none); its result. */
export async function changeWithAudit<T extends BatchItems[number]>(
  db: Database,
  change: T,
  entry: AuditEntry,
  alongside: BatchItems[number][] = [],
): Promise<Awaited<T>> {
  return (await batchWithAudit(db, [change], entry, alongside))[0] as Awaited<T>;
}

export { deliverSoon } from "@/lib/webhooks/after-commit";

/** Operator actions (the admin plugin's endpoints and our own), as recorded by lib/auth/plugins/operator-policy.ts. */
export const OPERATOR_AUDIT_ACTIONS = [
  "user.create",
  "user.update",
  "user.email.verify",
  "user.verification.resend",
  "user.role.set",
  "user.password.set",
  "user.ban",
  "user.unban",
  "user.delete",
  "user.sessions.revoke",
  "session.revoke",
  "user.two_factor.reset",
  "user.unlock",
  "impersonation.start",
  "impersonation.stop",
  "organization.owner.make",
  "users.export",
  "audit.export",
] as const satisfies readonly AuditBaseAction[];
export type OperatorAuditAction = (typeof OPERATOR_AUDIT_ACTIONS)[number];

/** The organization log's actions (lib/org-audit-actions.ts) are audit actions too: a typo there fails here. */
export const ORG_AUDIT_ACTIONS_ARE_AUDIT_ACTIONS: OrgAuditAction extends AuditBaseAction ? true : never = true;

/**
 * Who acted, from a better-auth session: the signed-in user, and the staff member behind them when the session is an
 * impersonation (`session.impersonatedBy`). The one way every action, route handler and plugin names its actor.
 */
export function auditActor(session: { user: { id: string }; session: object } | null | undefined): {
  actorUserId: string | null;
  impersonatorUserId: string | null;
} {
  const impersonatedBy = (session?.session as { impersonatedBy?: unknown } | undefined)?.impersonatedBy;
  return {
    actorUserId: session?.user.id ?? null,
    impersonatorUserId: typeof impersonatedBy === "string" && impersonatedBy ? impersonatedBy : null,
  };
}

/**
 * The staff member behind an impersonation session, acting as themself: ending an impersonation is their act, about
 * the user whose session it was.
 */
export function impersonationEndActor(session: { user: { id: string }; session: object } | null | undefined): {
  actorUserId: string | null;
  impersonatorUserId: null;
  targetUserId: string | null;
} {
  return {
    actorUserId: auditActor(session).impersonatorUserId,
    impersonatorUserId: null,
    targetUserId: session?.user.id ?? null,
  };
}
