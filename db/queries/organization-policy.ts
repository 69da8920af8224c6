import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { member, organizationPolicy, passkey, twoFactor, user } from "@/db/schema";
import { accountMeetsPolicy, deadlineOf, policyOf, type TwoFactorPolicy } from "@/lib/organization/two-factor-policy";

/** The organization's policy (the defaults when it never set one). */
export async function getSecurityPolicy(organizationId: string): Promise<TwoFactorPolicy> {
  const db = await getDb();
  const [row] = await db.select().from(organizationPolicy).where(eq(organizationPolicy.organizationId, organizationId));
  return policyOf(row);
}

export interface NonCompliantMember {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  /** Since when they are out of compliance: the later of the requirement's start and their joining. */
  since: Date;
  deadline: Date;
}

/**
 * The members whose account has no second factor the policy accepts, oldest deadline first. One statement over the
 * organization's members (capped by ORG_MAX_MEMBERS), each with its authenticator-app row.
 */
export async function listMembersWithoutTwoFactor(
  organizationId: string,
  policy: TwoFactorPolicy,
): Promise<NonCompliantMember[]> {
  if (!policy.required) return [];
  const db = await getDb();
  const rows = await db
    .select({
      memberId: member.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      role: member.role,
      joinedAt: member.createdAt,
      twoFactorEnabled: user.twoFactorEnabled,
      totpVerified: twoFactor.verified,
      totpId: twoFactor.id,
      hasPasskey: sql<number>`exists (select 1 from ${passkey} where ${passkey.userId} = ${member.userId})`,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(twoFactor, eq(twoFactor.userId, member.userId))
    .where(and(eq(member.organizationId, organizationId)))
    .orderBy(asc(member.createdAt));
  const result: NonCompliantMember[] = [];
  for (const row of rows) {
    const account = {
      twoFactorEnabled: Boolean(row.twoFactorEnabled),
      totp: row.totpId !== null && row.totpVerified !== false,
      passkey: Boolean(row.hasPasskey),
    };
    if (accountMeetsPolicy(policy, account)) continue;
    const deadline = deadlineOf(policy, row.joinedAt) as Date;
    const since = new Date(Math.max(policy.since?.getTime() ?? 0, row.joinedAt.getTime()));
    result.push({ ...row, since, deadline });
  }
  return result;
}
