"use server";

import { headers } from "next/headers";
import { getDb } from "@/db";
import { hasPasskey } from "@/db/queries/passkeys";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { organizationPolicy } from "@/db/schema";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { orgActionAccess } from "@/lib/auth/org-action";
import { TWO_FACTOR_METHOD_LABELS } from "@/lib/auth/sign-in-methods";
import { accountMeetsPolicy, policyOf } from "@/lib/organization/two-factor-policy";
import { updateSecurityPolicySchema } from "@/lib/validations/organization-rules";

/**
 * Saves the organization's two-factor requirement (owners and holders of policy:update). Whoever turns it on must
 * have an allowed second factor already; the grace period starts when it is turned on (kept while it stays on).
 * The change and its audit row land in one batch.
 */
export const updateSecurityPolicyAction = serverAction(
  "organization.policy.update",
  async ({ actor, rule, session }, input: unknown): Promise<ActionResult> => {
    const parsed = updateSecurityPolicySchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const found = await orgActionAccess(parsed.data.slug, "security");
    if (!found.ok) return found;
    const { org, member } = found.access;
    const { requireTwoFactor, gracePeriodDays, methods } = parsed.data;
    const before = policyOf(found.access.policy);

    if (requireTwoFactor) {
      const account = {
        twoFactorEnabled: Boolean(session.user.twoFactorEnabled),
        totp: (await getTwoFactorStatus(session.user.id)).totp,
        passkey: await hasPasskey(session.user.id),
      };
      const wanted = policyOf({
        requireTwoFactor: true,
        twoFactorMethods: methods.join(","),
        gracePeriodDays,
        twoFactorRequiredSince: null,
      });
      if (!accountMeetsPolicy(wanted, account)) {
        const allowed = methods.map((m) => TWO_FACTOR_METHOD_LABELS[m].toLowerCase()).join(" or ");
        return refused(
          "SECOND_FACTOR_NEEDED_FIRST",
          `Set up two-factor authentication (${allowed}) on your own account before requiring it.`,
        );
      }
    }

    const now = new Date();
    const since = requireTwoFactor ? (before.required && before.since ? before.since : now) : null;
    const values = {
      requireTwoFactor,
      twoFactorMethods: methods.join(","),
      gracePeriodDays,
      twoFactorRequiredSince: since,
      updatedAt: now,
      updatedBy: session.user.id,
    };
    const db = await getDb();
    await db.batch([
      db
        .insert(organizationPolicy)
        .values({ organizationId: org.id, ...values })
        .onConflictDoUpdate({ target: organizationPolicy.organizationId, set: values }),
      auditInsert(db, {
        action: rule.action,
        ...actor,
        organizationId: org.id,
        metadata: {
          from: { requireTwoFactor: before.required, methods: before.methods, gracePeriodDays: before.gracePeriodDays },
          to: { requireTwoFactor, methods, gracePeriodDays },
          role: member.role,
        },
        ...requestOrigin(await headers()),
      }),
    ]);
    return {
      ok: true,
      message: requireTwoFactor
        ? `Two-factor authentication is required in ${org.name}; members have ${gracePeriodDays} days to set it up.`
        : `Two-factor authentication is no longer required in ${org.name}.`,
    };
  },
);
