"use server";

import { sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb, getEnv } from "@/db";
import { invitation, rateLimit } from "@/db/schema";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { type AuditEntry, auditInsertMany, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { orgActionAccess } from "@/lib/auth/org-action";
import { INVITATION_EXPIRES_IN_SECONDS } from "@/lib/auth/org-limits";
import { invitationEmail } from "@/lib/email/messages";
import { sendEmailBatch } from "@/lib/email/send";
import type { RowVerdict } from "@/lib/organization/bulk-invitations";
import {
  BULK_WINDOW_SECONDS,
  bulkBudgetKey,
  bulkBudgetMax,
  chunks,
  planBulkInvitations,
} from "@/lib/organization/bulk-invite-plan";
import { bulkInviteSchema } from "@/lib/validations/organization-rules";

/** An invitation row binds 9 parameters: 11 rows per statement stay under D1's 100. */
const INVITATIONS_PER_STATEMENT = 11;

/**
 * Sends the invitable rows of a list: decides every row again, takes them from the organization's bulk budget in one
 * atomic step, writes the invitations (better-auth's own table: accepting, declining, resending and cancelling stay
 * better-auth's) with their audit rows in one batch of statements under D1's parameter limit, then mails them through
 * Resend's batch endpoint: one request, a handful of subrequests for a hundred rows. A mail that fails leaves its
 * invitation pending, to be resent from the list.
 */
export const sendBulkInvitationsAction = serverAction(
  "organization.invitations.bulk_send",
  async ({ actor, rule, session }, input: unknown): Promise<ActionResult<{ rows: RowVerdict[] }>> => {
    const parsed = bulkInviteSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const found = await orgActionAccess(parsed.data.slug, "invitations");
    if (!found.ok) return found;
    const { org } = found.access;
    const plan = await planBulkInvitations(found.access, parsed.data.rows, {
      role: parsed.data.defaultRole,
      teamId: parsed.data.defaultTeamId,
    });
    const invitable = plan.rows.filter((r) => r.verdict === "invite");
    const report = (rows: RowVerdict[], message: string) => ({ ok: true as const, message, data: { rows } });
    if (invitable.length === 0) return report(plan.rows, "");

    const db = await getDb();
    const now = Date.now();
    const k = invitable.length;
    const max = await bulkBudgetMax();
    const expired = sql`${rateLimit.lastRequest} <= ${now - BULK_WINDOW_SECONDS * 1000}`;
    const taken = await db
      .insert(rateLimit)
      .values({ id: crypto.randomUUID(), key: bulkBudgetKey(org.id), count: k, lastRequest: now })
      .onConflictDoUpdate({
        target: rateLimit.key,
        set: {
          count: sql`case when ${expired} then ${k} else ${rateLimit.count} + ${k} end`,
          lastRequest: sql`case when ${expired} then ${now} else ${rateLimit.lastRequest} end`,
        },
        setWhere: sql`${expired} or ${rateLimit.count} + ${k} <= ${max}`,
      })
      .returning({ count: rateLimit.count });
    if (taken.length === 0) {
      return refused(
        "BULK_BUDGET_EXHAUSTED",
        "The organization's bulk invitations for this hour ran out meanwhile. Check the list again.",
      );
    }

    const origin = requestOrigin(await headers());
    const expiresAt = new Date(now + INVITATION_EXPIRES_IN_SECONDS * 1000);
    const created = invitable.map((row) => ({ row, id: crypto.randomUUID() }));
    const values = created.map(({ row, id }) => ({
      id,
      organizationId: org.id,
      email: row.email.toLowerCase(),
      role: row.role,
      teamId: row.teamId,
      status: "pending",
      expiresAt,
      createdAt: new Date(now),
      inviterId: session.user.id,
    }));
    const audits: AuditEntry[] = [
      ...created.map(({ row, id }) => ({
        action: "invitation.create" as const,
        ...actor,
        organizationId: org.id,
        metadata: { invitationId: id, email: row.email.toLowerCase(), role: row.role, teamId: row.teamId, bulk: true },
        ...origin,
      })),
      {
        action: rule.action,
        ...actor,
        organizationId: org.id,
        metadata: { rows: plan.rows.length, invited: k, skipped: plan.rows.length - k },
        ...origin,
      },
    ];
    const [first, ...rest] = [
      ...chunks(values, INVITATIONS_PER_STATEMENT).map((part) => db.insert(invitation).values(part)),
      ...auditInsertMany(db, audits),
    ];
    if (first) await db.batch([first, ...rest]);

    const env = await getEnv();
    const baseURL = env.BETTER_AUTH_URL.replace(/\/+$/, "");
    let mailed = true;
    try {
      await sendEmailBatch(
        env,
        created.map(({ row, id }) =>
          invitationEmail(env, {
            to: row.email.toLowerCase(),
            inviterName: session.user.name,
            organizationName: org.name,
            role: row.role,
            url: `${baseURL}/accept-invitation/${id}`,
            expiresAt,
          }),
        ),
      );
    } catch (error) {
      console.error("bulk invitation mail failed:", error);
      mailed = false;
    }
    const rows = plan.rows.map(({ teamId: _teamId, ...row }) =>
      row.verdict === "invite" ? { ...row, sent: true, mailed } : row,
    );
    const message = mailed
      ? `${k} ${k === 1 ? "invitation" : "invitations"} sent.`
      : `${k} ${k === 1 ? "invitation was" : "invitations were"} created, but the emails could not be sent: resend them from the list.`;
    return report(rows, message);
  },
);
