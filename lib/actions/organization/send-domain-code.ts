"use server";

import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb, getEnv } from "@/db";
import { organizationDomain } from "@/db/schema";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { consumeRateLimit, releaseRateLimit } from "@/lib/auth/plugins/server-call-rate-limit";
import { sendDomainCodeMail } from "@/lib/email/organization-messages";
import { domainForAction } from "@/lib/organization/domain-access";
import { DOMAIN_CODE_TTL_MS, hashDomainCode, newDomainCode } from "@/lib/organization/domains";
import { sendDomainCodeSchema } from "@/lib/validations/organization-rules";

/** Codes mailed per domain: a few tries at a typo, never a way to mail a whole company. */
const CODE_LIMIT = { window: 60 * 60, max: 5 };

/**
 * Mails a 6-digit code to an address at the domain; whoever reads that inbox can prove the organization's
 * affiliation with the domain. A new code replaces the previous one; the address is kept to show where it went.
 */
export const sendDomainCodeAction = serverAction(
  "organization.domain.code_send",
  async ({ actor, rule, session }, input: unknown): Promise<ActionResult> => {
    const parsed = sendDomainCodeSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const found = await domainForAction(parsed.data.slug, parsed.data.domainId);
    if (!found.ok) return found;
    const { org } = found.access;
    const { domain } = found;
    const to = `${parsed.data.localPart.toLowerCase()}@${domain.domain}`;
    const db = await getDb();
    const key = `domain-code:${domain.id}`;
    const limited = await consumeRateLimit(db, key, CODE_LIMIT);
    if (!limited.allowed) {
      return refused(
        "DOMAIN_CODE_RATE_LIMITED",
        `${CODE_LIMIT.max} codes were sent for ${domain.domain} in the last hour. Try again in ${Math.ceil(limited.retryAfter / 60)} minutes.`,
      );
    }
    const code = newDomainCode();
    try {
      await sendDomainCodeMail(await getEnv(), {
        to,
        code,
        domain: domain.domain,
        organizationName: org.name,
        requesterName: session.user.name,
      });
    } catch (error) {
      console.error("domain code mail failed:", error);
      await releaseRateLimit(db, key);
      return refused("MAIL_NOT_SENT", `The code could not be sent to ${to}. Check the address and try again.`);
    }
    await db.batch([
      db
        .update(organizationDomain)
        .set({
          affiliationEmail: to,
          affiliationCodeHash: await hashDomainCode(domain.id, code),
          affiliationCodeExpiresAt: new Date(Date.now() + DOMAIN_CODE_TTL_MS),
          affiliationAttempts: 0,
        })
        .where(and(eq(organizationDomain.id, domain.id), eq(organizationDomain.organizationId, org.id))),
      auditInsert(db, {
        action: rule.action,
        ...actor,
        organizationId: org.id,
        metadata: { domainId: domain.id, domain: domain.domain, to },
        ...requestOrigin(await headers()),
      }),
    ]);
    return { ok: true, message: `We emailed a code to ${to}. It expires in 30 minutes.` };
  },
);
