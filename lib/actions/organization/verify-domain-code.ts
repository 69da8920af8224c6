"use server";

import { and, eq, lt, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { organizationDomain } from "@/db/schema";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { domainForAction, isDomainTakenError } from "@/lib/organization/domain-access";
import { DOMAIN_CODE_ATTEMPTS, hashDomainCode } from "@/lib/organization/domains";
import { verifyDomainCodeSchema } from "@/lib/validations/organization-rules";

const wrongCode = (message: string) => ({ ...refused("INVALID_DOMAIN_CODE", message), fieldErrors: { code: message } });

/**
 * Checks the mailed code: the organization's affiliation with the domain is proven (enough for "suggest"). Each try
 * is counted before the comparison, so at most five guesses reach a code; a new code starts the count again.
 */
export const verifyDomainCodeAction = serverAction(
  "organization.domain.code_verify",
  async ({ actor, rule }, input: unknown): Promise<ActionResult> => {
    const parsed = verifyDomainCodeSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const found = await domainForAction(parsed.data.slug, parsed.data.domainId);
    if (!found.ok) return found;
    const { org } = found.access;
    const { domain } = found;
    const db = await getDb();
    const [attempt] = await db
      .update(organizationDomain)
      .set({ affiliationAttempts: sql`${organizationDomain.affiliationAttempts} + 1` })
      .where(
        and(
          eq(organizationDomain.id, domain.id),
          lt(organizationDomain.affiliationAttempts, DOMAIN_CODE_ATTEMPTS),
          sql`${organizationDomain.affiliationCodeHash} is not null`,
        ),
      )
      .returning({
        hash: organizationDomain.affiliationCodeHash,
        expiresAt: organizationDomain.affiliationCodeExpiresAt,
      });
    if (!attempt?.hash) return wrongCode("Too many wrong codes, or no code was sent. Send a new code.");
    if ((attempt.expiresAt?.getTime() ?? 0) <= Date.now()) return wrongCode("This code has expired. Send a new one.");
    if ((await hashDomainCode(domain.id, parsed.data.code)) !== attempt.hash) {
      return wrongCode("That code is not right. Check the email and try again.");
    }
    try {
      await db.batch([
        db
          .update(organizationDomain)
          .set({
            affiliationVerifiedAt: new Date(),
            affiliationCodeHash: null,
            affiliationCodeExpiresAt: null,
            affiliationAttempts: 0,
          })
          .where(eq(organizationDomain.id, domain.id)),
        auditInsert(db, {
          action: rule.action,
          ...actor,
          organizationId: org.id,
          metadata: { domainId: domain.id, domain: domain.domain, email: domain.affiliationEmail },
          ...requestOrigin(await headers()),
        }),
      ]);
    } catch (error) {
      if (isDomainTakenError(error)) {
        return refused("DOMAIN_TAKEN", `${domain.domain} was verified by another organization meanwhile.`);
      }
      throw error;
    }
    return { ok: true, message: `${domain.domain} is verified by email.` };
  },
);
