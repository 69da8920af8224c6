// Outbox intents for changes better-auth writes itself. Its endpoint writes, then our after-hook writes the audit row
// and the event in one batch; an isolate that dies between the two would lose both. So the changes below leave an
// intent row first (lib/auth/plugins/webhook-intents.ts), removed after the endpoint. The cron looks at intents older
// than INTENT_GRACE_MS: if the change landed and no audit row records it, it writes the audit row (marked
// `reconciled`) and its event, with the intent's removal, in one batch; otherwise it only removes the intent.
import { and, eq, gte, lt } from "drizzle-orm";
import type { Database } from "@/db/database";
import { auditEvent, member, user, webhookIntent } from "@/db/schema";
import { type AuditBaseAction, type AuditEntry, auditStatements } from "@/lib/audit";

/** How old an intent must be before the cron decides it was interrupted (a request has finished long before). */
export const INTENT_GRACE_MS = 2 * 60 * 1000;

type Intent = typeof webhookIntent.$inferSelect;
type Landed = Pick<AuditEntry, "metadata"> | null;

export interface IntentKind {
  action: AuditBaseAction;
  /** What the change looks like once it has landed (the audit row's metadata), or null when it did not land. */
  landed(db: Database, intent: Intent): Promise<Landed>;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

async function userRow(db: Database, id: string | null) {
  if (!id) return undefined;
  const [row] = await db
    .select({ banned: user.banned, banExpires: user.banExpires })
    .from(user)
    .where(eq(user.id, id))
    .limit(1);
  return row;
}

async function memberRow(db: Database, id: string | null) {
  if (!id) return undefined;
  const [row] = await db.select({ role: member.role }).from(member).where(eq(member.id, id)).limit(1);
  return row;
}

const memberGone: IntentKind["landed"] = async (db, intent) =>
  (await memberRow(db, text(intent.detail?.memberId)))
    ? null
    : {
        metadata: {
          role: intent.detail?.role ?? null,
          ...(intent.path === "/organization/leave" ? { left: true } : {}),
        },
      };

/** The better-auth endpoints whose changes are reconciled, and how to tell that each landed. */
export const INTENT_KINDS: Record<string, IntentKind> = {
  "/admin/ban-user": {
    action: "user.ban",
    async landed(db, intent) {
      const row = await userRow(db, intent.targetUserId);
      if (intent.detail?.wasBanned || !row?.banned) return null;
      return { metadata: { expiresAt: row.banExpires?.toISOString() ?? null } };
    },
  },
  "/admin/unban-user": {
    action: "user.unban",
    async landed(db, intent) {
      const row = await userRow(db, intent.targetUserId);
      return intent.detail?.wasBanned && row && !row.banned ? { metadata: null } : null;
    },
  },
  "/admin/remove-user": {
    action: "user.delete",
    async landed(db, intent) {
      return (await userRow(db, intent.targetUserId)) ? null : { metadata: { userId: intent.targetUserId } };
    },
  },
  "/organization/remove-member": { action: "member.remove", landed: memberGone },
  "/organization/leave": { action: "member.remove", landed: memberGone },
  "/organization/update-member-role": {
    action: "member.role.update",
    async landed(db, intent) {
      const row = await memberRow(db, text(intent.detail?.memberId));
      const to = text(intent.detail?.to);
      const from = text(intent.detail?.from);
      return row && to && to !== from && row.role === to ? { metadata: { from, to } } : null;
    },
  },
};

/** Whether an audit row records this intent's change (written by the after-hook, or by an earlier cron run). */
async function recorded(db: Database, intent: Intent, action: AuditBaseAction) {
  const filters = [eq(auditEvent.action, action), gte(auditEvent.at, intent.createdAt)];
  if (intent.targetUserId) filters.push(eq(auditEvent.targetUserId, intent.targetUserId));
  const [row] = await db
    .select({ id: auditEvent.id })
    .from(auditEvent)
    .where(and(...filters))
    .limit(1);
  return Boolean(row);
}

/** Settles the intents interrupted requests left; how many became audit rows and events. */
export async function reconcileIntents(db: Database, now: Date): Promise<number> {
  const stale = await db
    .select()
    .from(webhookIntent)
    .where(lt(webhookIntent.createdAt, new Date(now.getTime() - INTENT_GRACE_MS)))
    .limit(50);
  let written = 0;
  for (const intent of stale) {
    const kind = INTENT_KINDS[intent.path];
    const remove = db.delete(webhookIntent).where(eq(webhookIntent.id, intent.id));
    const landed = kind && !(await recorded(db, intent, kind.action)) ? await kind.landed(db, intent) : null;
    if (!kind || !landed) {
      await remove;
      continue;
    }
    const entry: AuditEntry = {
      action: kind.action,
      actorUserId: intent.actorUserId,
      impersonatorUserId: intent.impersonatorUserId,
      targetUserId: intent.targetUserId,
      organizationId: intent.organizationId,
      metadata: { ...(landed.metadata ?? {}), reconciled: true },
      at: now,
    };
    const { statements } = auditStatements(db, entry);
    await db.batch([remove, ...statements]);
    written += 1;
  }
  return written;
}
