"use server";

import { count, eq, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { domainVerifiedElsewhere } from "@/db/queries/domains";
import { organizationDomain } from "@/db/schema";
import { type ActionFailure, type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { orgActionAccess } from "@/lib/auth/org-action";
import { auditIf } from "@/lib/organization/audit-if";
import { isFreeMailDomain, newVerificationToken, normalizeDomain } from "@/lib/organization/domains";
import { addDomainSchema } from "@/lib/validations/organization-rules";

/** Most domains one organization may claim. */
const MAX_DOMAINS = 20;

function domainRefusal(code: string, message: string): ActionFailure {
  return { ...refused(code, message), fieldErrors: { domain: message } };
}

/**
 * Claims a domain for the organization (unverified until a mailed code or the DNS record proves it). Free-mail and
 * disposable domains are refused, and so is a domain another organization has verified.
 */
export const addDomainAction = serverAction(
  "organization.domain.add",
  async ({ actor, rule, session }, input: unknown): Promise<ActionResult<{ id: string; domain: string }>> => {
    const parsed = addDomainSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const found = await orgActionAccess(parsed.data.slug, "domains");
    if (!found.ok) return found;
    const { org } = found.access;
    const domain = normalizeDomain(parsed.data.domain);
    if (!domain) return domainRefusal("INVALID_DOMAIN", "Enter a domain name, like example.com.");
    if (isFreeMailDomain(domain)) {
      return domainRefusal(
        "FREE_MAIL_DOMAIN",
        `${domain} is a free or disposable email provider: anyone can have an address there.`,
      );
    }
    if (await domainVerifiedElsewhere(domain, org.id)) {
      return domainRefusal("DOMAIN_TAKEN", `${domain} is already verified by another organization.`);
    }
    const db = await getDb();
    const [held] = await db
      .select({ n: count() })
      .from(organizationDomain)
      .where(eq(organizationDomain.organizationId, org.id));
    if ((held?.n ?? 0) >= MAX_DOMAINS) {
      return domainRefusal("DOMAIN_LIMIT_REACHED", `An organization can have at most ${MAX_DOMAINS} domains.`);
    }
    const id = crypto.randomUUID();
    const [inserted] = await db.batch([
      db
        .insert(organizationDomain)
        .values({
          id,
          organizationId: org.id,
          domain,
          verificationToken: newVerificationToken(),
          createdBy: session.user.id,
        })
        .onConflictDoNothing()
        .returning({ id: organizationDomain.id }),
      ...auditIf(
        db,
        {
          action: rule.action,
          ...actor,
          organizationId: org.id,
          metadata: { domainId: id, domain },
          ...requestOrigin(await headers()),
        },
        sql`exists (select 1 from ${organizationDomain} where ${organizationDomain.id} = ${id})`,
      ),
    ]);
    if (inserted.length === 0) {
      return domainRefusal("DOMAIN_EXISTS", `${domain} is already one of this organization's domains.`);
    }
    return { ok: true, message: `${domain} added. Verify it to use it.`, data: { id, domain } };
  },
);
