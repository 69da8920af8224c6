import "server-only";
import { and, desc, eq, gt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/database";
import { auditEvent, user } from "@/db/schema";
import type { AuditBaseAction } from "@/lib/audit-actions";
import { hasPlatformRole } from "@/lib/auth/permissions";

/** How many impersonations /account/security lists: the latest ones, one indexed read each. */
export const IMPERSONATION_HISTORY_LIMIT = 50;

/** How an impersonation ended, as far as the audit trail tells. */
export type ImpersonationEnd =
  /** The staffer stopped it (`impersonation.stop`). */
  | { kind: "stopped"; at: Date }
  /** Never stopped: the impersonation session ran out at `at` (at most one hour after the start). */
  | { kind: "expired"; at: Date }
  /** Never stopped and the session has not run out yet. */
  | { kind: "active"; until: Date }
  /** Never stopped and the start row does not say when its session expires. */
  | { kind: "unknown" };

/** One impersonation of a user's account, as the user is shown it: never who the staffer was, only their role. */
export interface Impersonation {
  id: string;
  startedAt: Date;
  /** The staff role it was done with; null when neither the row nor a surviving account says so. */
  staffRole: "admin" | "support" | null;
  reason: string | null;
  end: ImpersonationEnd;
}

const stop = alias(auditEvent, "stop");
const nextStart = alias(auditEvent, "next_start");

/** When the earliest `action` row after this start by the same staffer about the same user was (a correlated subquery). */
function firstLater(db: Database, other: typeof stop | typeof nextStart, action: AuditBaseAction): SQL<number | null> {
  const earliest = db
    .select({ at: sql<number | null>`min(${other.at})` })
    .from(other)
    .where(
      and(
        eq(other.targetUserId, auditEvent.targetUserId),
        eq(other.action, action),
        eq(other.actorUserId, auditEvent.actorUserId),
        gt(other.at, auditEvent.at),
      ),
    );
  return sql<number | null>`(${earliest})`;
}

/** The platform role an impersonation was done with: the one recorded at the time, else the actor's role today. */
function staffRoleOf(recorded: unknown, current: string | null): Impersonation["staffRole"] {
  const role = typeof recorded === "string" ? recorded : current;
  if (hasPlatformRole(role, "admin")) return "admin";
  if (hasPlatformRole(role, "support")) return "support";
  return null;
}

function dateOrNull(value: unknown): Date | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The end of one impersonation. A stop counts only if it came before the same staffer's next start for this user (that
 * stop belongs to the later session) and before this session expired (an expired session cannot be stopped).
 */
export function impersonationEnd(
  stoppedAt: Date | null,
  nextStartAt: Date | null,
  expiresAt: Date | null,
  now: Date,
): ImpersonationEnd {
  const stopped =
    stoppedAt !== null &&
    (nextStartAt === null || stoppedAt < nextStartAt) &&
    (expiresAt === null || stoppedAt <= expiresAt);
  if (stopped) return { kind: "stopped", at: stoppedAt };
  if (!expiresAt) return { kind: "unknown" };
  return expiresAt > now ? { kind: "active", until: expiresAt } : { kind: "expired", at: expiresAt };
}

/**
 * The latest impersonations of `userId`'s account, newest first, from the audit trail: each `impersonation.start` row
 * about the user, paired with the same staffer's first `impersonation.stop` for the user after it.
 */
export async function selectImpersonations(
  db: Database,
  userId: string,
  options: { now?: Date; limit?: number } = {},
): Promise<Impersonation[]> {
  return toImpersonations(await impersonationsQuery(db, userId, options), options.now);
}

/** The statement behind `selectImpersonations`, for a `db.batch` with a page's other reads. */
export function impersonationsQuery(
  db: Database,
  userId: string,
  { limit = IMPERSONATION_HISTORY_LIMIT }: { limit?: number } = {},
) {
  return (
    db
      .select({
        id: auditEvent.id,
        at: auditEvent.at,
        reason: auditEvent.reason,
        metadata: auditEvent.metadata,
        actorRole: user.role,
        stoppedAt: firstLater(db, stop, "impersonation.stop"),
        nextStartAt: firstLater(db, nextStart, "impersonation.start"),
      })
      .from(auditEvent)
      // The trail outlives its actors (no foreign key): a deleted staffer leaves no role to fall back to.
      .leftJoin(user, eq(user.id, auditEvent.actorUserId))
      .where(and(eq(auditEvent.targetUserId, userId), eq(auditEvent.action, "impersonation.start")))
      .orderBy(desc(auditEvent.at), desc(auditEvent.id))
      .limit(limit)
  );
}

export function toImpersonations(
  rows: Awaited<ReturnType<typeof impersonationsQuery>>,
  now: Date = new Date(),
): Impersonation[] {
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.at,
    staffRole: staffRoleOf(row.metadata?.staffRole, row.actorRole),
    reason: row.reason,
    end: impersonationEnd(
      dateOrNull(row.stoppedAt),
      dateOrNull(row.nextStartAt),
      dateOrNull(row.metadata?.sessionExpiresAt),
      now,
    ),
  }));
}
