import "server-only";
// What a list of invitations would do, row by row, decided on the server for the dry run and again right before
// sending: the address, duplicates, members and pending invitations (looked up in chunks under D1's 100 bound
// parameters), the role (one of the organization's, and one the caller may grant), the team, and the organization's
// limits: its pending-invitation limit and its bulk budget per hour (its own, not the single-invite rate limit).
import { and, count, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, getEnv } from "@/db";
import type { Database } from "@/db/database";
import { invitation, member, rateLimit, team, user } from "@/db/schema";
import { mayGrantRole, type OrgAccess } from "@/lib/auth/guard";
import { orgLimits } from "@/lib/auth/org-limits";
import { BUILT_IN_ORG_ROLES } from "@/lib/auth/roles";
import type { BulkRow, RowVerdict } from "./bulk-invitations";

/** Bound parameters per lookup statement: D1 allows 100; the organization id and a margin take the rest. */
export const LOOKUP_CHUNK = 90;
/** The bulk budget's window: invitations one organization may send in bulk per hour (ORG_BULK_INVITATIONS_PER_HOUR). */
export const BULK_WINDOW_SECONDS = 60 * 60;
const DEFAULT_BULK_PER_HOUR = 200;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function bulkBudgetMax(): Promise<number> {
  const n = Number((await getEnv()).ORG_BULK_INVITATIONS_PER_HOUR);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_BULK_PER_HOUR;
}

export const bulkBudgetKey = (organizationId: string) => `bulk-invite:${organizationId}`;

/** What is left of the organization's bulk budget this hour. */
async function bulkBudgetLeft(db: Database, organizationId: string, max: number) {
  const [row] = await db
    .select()
    .from(rateLimit)
    .where(eq(rateLimit.key, bulkBudgetKey(organizationId)));
  if (!row || row.lastRequest <= Date.now() - BULK_WINDOW_SECONDS * 1000) return max;
  return Math.max(0, max - row.count);
}

async function existing(db: Database, organizationId: string, emails: string[]) {
  const members = new Set<string>();
  const invited = new Set<string>();
  for (const part of chunks(emails, LOOKUP_CHUNK)) {
    const [m, i] = await Promise.all([
      db
        .select({ email: user.email })
        .from(member)
        .innerJoin(user, eq(user.id, member.userId))
        .where(and(eq(member.organizationId, organizationId), inArray(user.email, part))),
      db
        .select({ email: invitation.email })
        .from(invitation)
        .where(
          and(
            eq(invitation.organizationId, organizationId),
            inArray(invitation.email, part),
            eq(invitation.status, "pending"),
            gt(invitation.expiresAt, new Date()),
          ),
        ),
    ]);
    for (const row of m) members.add(row.email.toLowerCase());
    for (const row of i) invited.add(row.email.toLowerCase());
  }
  return { members, invited };
}

export interface PlannedRow extends RowVerdict {
  teamId: string | null;
}

export interface BulkDefaults {
  role: string;
  teamId: string | null;
}

/** Each row's verdict; the rows whose verdict is "invite" are what sending creates, in this order. */
export async function planBulkInvitations(access: OrgAccess, rows: BulkRow[], defaults: BulkDefaults) {
  const db = await getDb();
  const orgId = access.org.id;
  const emailOk = (email: string) => z.email().safeParse(email).success;
  const emails = [...new Set(rows.map((r) => r.email.trim().toLowerCase()).filter(emailOk))];
  const [{ members, invited }, teams, [pending], budgetMax] = await Promise.all([
    existing(db, orgId, emails),
    db.select({ id: team.id, name: team.name }).from(team).where(eq(team.organizationId, orgId)),
    db
      .select({ n: count() })
      .from(invitation)
      .where(
        and(
          eq(invitation.organizationId, orgId),
          eq(invitation.status, "pending"),
          gt(invitation.expiresAt, new Date()),
        ),
      ),
    bulkBudgetMax(),
  ]);
  const budget = await bulkBudgetLeft(db, orgId, budgetMax);
  let room = Math.min(orgLimits(await getEnv()).pendingInvitations - (pending?.n ?? 0), budget);
  const known = new Set<string>([...BUILT_IN_ORG_ROLES, ...access.customRoles]);
  const grantable = new Map<string, boolean>();
  const seen = new Set<string>();
  const planned: PlannedRow[] = [];
  for (const row of rows) {
    const email = row.email.trim().toLowerCase();
    const role = row.role.trim() || defaults.role;
    const teamText = row.team.trim();
    const found = teamText
      ? teams.find((t) => t.id === teamText || t.name.toLowerCase() === teamText.toLowerCase())
      : undefined;
    const teamId = teamText ? (found?.id ?? null) : defaults.teamId;
    const base = { line: row.line, email: row.email.trim(), role, team: found?.name ?? (teamText || null), teamId };
    const verdict = async (): Promise<RowVerdict["verdict"]> => {
      if (!emailOk(email)) return "bad_address";
      if (seen.has(email)) return "duplicate";
      seen.add(email);
      if (members.has(email)) return "already_member";
      if (invited.has(email)) return "already_invited";
      if (!known.has(role)) return "unknown_role";
      if (!grantable.has(role)) grantable.set(role, await mayGrantRole(access, role));
      if (!grantable.get(role)) return "role_not_allowed";
      if (teamText && !found) return "unknown_team";
      if (room <= 0) return "over_limit";
      room -= 1;
      return "invite";
    };
    planned.push({ ...base, verdict: await verdict() });
  }
  return { rows: planned, budgetMax, budgetLeft: budget };
}
