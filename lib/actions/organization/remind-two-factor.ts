"use server";

import { headers } from "next/headers";
import { getDb, getEnv } from "@/db";
import { getSecurityPolicy, listMembersWithoutTwoFactor } from "@/db/queries/organization-policy";
import { type ActionResult, refused } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { orgActionAccess } from "@/lib/auth/org-action";
import { consumeRateLimit, releaseRateLimit } from "@/lib/auth/plugins/server-call-rate-limit";
import { sendTwoFactorReminderMail } from "@/lib/email/organization-messages";
import { remindTwoFactorSchema } from "@/lib/validations/organization-rules";

/** One reminder per member and organization an hour: enough to nudge, never a mail bomb. */
const REMINDER_LIMIT = { window: 60 * 60, max: 1 };

/** Mails a member without an allowed second factor that the organization requires one, with their deadline. */
export const remindTwoFactorAction = serverAction(
  "organization.two_factor.remind",
  async ({ actor, rule }, input: unknown): Promise<ActionResult> => {
    const parsed = remindTwoFactorSchema.safeParse(input);
    if (!parsed.success) return refused("INVALID_INPUT", "Choose a member to remind.");
    const found = await orgActionAccess(parsed.data.slug, "security");
    if (!found.ok) return found;
    const { org } = found.access;
    const policy = await getSecurityPolicy(org.id);
    const target = (await listMembersWithoutTwoFactor(org.id, policy)).find((m) => m.memberId === parsed.data.memberId);
    if (!target) return refused("NOTHING_TO_REMIND", "This member already meets the policy, or is no longer a member.");

    const db = await getDb();
    const key = `two-factor-reminder:${org.id}:${target.userId}`;
    const limited = await consumeRateLimit(db, key, REMINDER_LIMIT);
    if (!limited.allowed) {
      const minutes = Math.ceil(limited.retryAfter / 60);
      return refused(
        "REMINDER_RATE_LIMITED",
        `${target.name} was reminded less than an hour ago. Try again in ${minutes} minutes.`,
      );
    }
    const env = await getEnv();
    try {
      await sendTwoFactorReminderMail(env, {
        to: target.email,
        name: target.name,
        organizationName: org.name,
        deadline: target.deadline,
        securityUrl: `${env.BETTER_AUTH_URL.replace(/\/+$/, "")}/account/security`,
      });
    } catch (error) {
      console.error("two-factor reminder failed:", error);
      await releaseRateLimit(db, key);
      return refused("MAIL_NOT_SENT", `The reminder to ${target.email} could not be sent. Try again in a minute.`);
    }
    await db.batch([
      auditInsert(db, {
        action: rule.action,
        ...actor,
        targetUserId: target.userId,
        organizationId: org.id,
        metadata: { deadline: target.deadline.toISOString() },
        ...requestOrigin(await headers()),
      }),
    ]);
    return { ok: true, message: `Reminder sent to ${target.email}.` };
  },
);
