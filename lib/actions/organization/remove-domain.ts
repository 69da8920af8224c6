"use server";

import { and, eq, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { organizationDomain } from "@/db/schema";
import { type ActionResult, refused } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { auditIf } from "@/lib/organization/audit-if";
import { domainForAction } from "@/lib/organization/domain-access";
import { domainRefSchema } from "@/lib/validations/organization-rules";

/** Removes a domain: nobody new joins through it; the members who did stay. */
export const removeDomainAction = serverAction(
  "organization.domain.remove",
  async ({ actor, rule }, input: unknown): Promise<ActionResult> => {
    const parsed = domainRefSchema.safeParse(input);
    if (!parsed.success) return refused("INVALID_INPUT", "Choose a domain.");
    const found = await domainForAction(parsed.data.slug, parsed.data.domainId);
    if (!found.ok) return found;
    const { org } = found.access;
    const { domain } = found;
    const db = await getDb();
    await db.batch([
      db
        .delete(organizationDomain)
        .where(and(eq(organizationDomain.id, domain.id), eq(organizationDomain.organizationId, org.id))),
      ...auditIf(
        db,
        {
          action: rule.action,
          ...actor,
          organizationId: org.id,
          metadata: { domainId: domain.id, domain: domain.domain, joinMode: domain.joinMode },
          ...requestOrigin(await headers()),
        },
        sql`not exists (select 1 from ${organizationDomain} where ${organizationDomain.id} = ${domain.id})`,
      ),
    ]);
    return { ok: true, message: `${domain.domain} removed. Its members stay in the organization.` };
  },
);
