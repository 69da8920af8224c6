"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { organizationDomain } from "@/db/schema";
import { type ActionResult, refused } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { DnsLookupError } from "@/lib/organization/dns";
import { domainForAction, isDomainTakenError } from "@/lib/organization/domain-access";
import { hasVerificationRecord, VERIFICATION_RECORD_PREFIX } from "@/lib/organization/domains";
import { getTxtResolver } from "@/lib/organization/resolver";
import { domainRefSchema } from "@/lib/validations/organization-rules";

/** Looks up the domain's TXT records: `gatehouse-verification=<token>` proves ownership (needed for "automatic"). */
export const verifyDomainDnsAction = serverAction(
  "organization.domain.dns_verify",
  async ({ actor, rule }, input: unknown): Promise<ActionResult> => {
    const parsed = domainRefSchema.safeParse(input);
    if (!parsed.success) return refused("INVALID_INPUT", "Choose a domain.");
    const found = await domainForAction(parsed.data.slug, parsed.data.domainId);
    if (!found.ok) return found;
    const { org } = found.access;
    const { domain } = found;
    let txt: string[];
    try {
      txt = await (await getTxtResolver()).txt(domain.domain);
    } catch (error) {
      if (!(error instanceof DnsLookupError)) console.error("DNS lookup failed:", error);
      return refused("DNS_LOOKUP_FAILED", "The DNS lookup failed. Try again in a minute.");
    }
    if (!hasVerificationRecord(txt, domain.verificationToken)) {
      return refused(
        "DNS_RECORD_NOT_FOUND",
        `No TXT record ${VERIFICATION_RECORD_PREFIX}${domain.verificationToken} on ${domain.domain} yet. DNS changes can take a few minutes to show.`,
      );
    }
    const db = await getDb();
    try {
      await db.batch([
        db
          .update(organizationDomain)
          .set({ ownershipVerifiedAt: new Date() })
          .where(eq(organizationDomain.id, domain.id)),
        auditInsert(db, {
          action: rule.action,
          ...actor,
          organizationId: org.id,
          metadata: { domainId: domain.id, domain: domain.domain },
          ...requestOrigin(await headers()),
        }),
      ]);
    } catch (error) {
      if (isDomainTakenError(error)) {
        return refused("DOMAIN_TAKEN", `${domain.domain} was verified by another organization meanwhile.`);
      }
      throw error;
    }
    return { ok: true, message: `${domain.domain} is verified by its DNS record.` };
  },
);
