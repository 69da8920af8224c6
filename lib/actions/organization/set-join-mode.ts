"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { organizationDomain } from "@/db/schema";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { BUILT_IN_ORG_ROLES } from "@/lib/auth/roles";
import { isOrgOwner } from "@/lib/auth/rules";
import { domainForAction } from "@/lib/organization/domain-access";
import { JOIN_MODE_LABELS, joinModeRefusal } from "@/lib/organization/join-modes";
import { setJoinModeSchema } from "@/lib/validations/organization-rules";

/**
 * Sets how people with a verified address at the domain join: off, suggest (they ask, an admin approves) or
 * automatic (they join with the default role). The default role must exist and cannot be owner.
 */
export const setJoinModeAction = serverAction(
  "organization.domain.join_mode",
  async ({ actor, rule }, input: unknown): Promise<ActionResult> => {
    const parsed = setJoinModeSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const found = await domainForAction(parsed.data.slug, parsed.data.domainId);
    if (!found.ok) return found;
    const { org, customRoles } = found.access;
    const { domain } = found;
    const { joinMode, defaultRole } = parsed.data;
    const known = [...BUILT_IN_ORG_ROLES, ...customRoles];
    if (!known.includes(defaultRole) || isOrgOwner(defaultRole)) {
      return {
        ...refused("INVALID_ROLE", "Choose a role of this organization other than owner."),
        fieldErrors: { defaultRole: "Choose a role other than owner." },
      };
    }
    const refusal = joinModeRefusal(joinMode, domain);
    if (refusal) return { ...refused("DOMAIN_NOT_VERIFIED", refusal), fieldErrors: { joinMode: refusal } };
    const db = await getDb();
    await db.batch([
      db.update(organizationDomain).set({ joinMode, defaultRole }).where(eq(organizationDomain.id, domain.id)),
      auditInsert(db, {
        action: rule.action,
        ...actor,
        organizationId: org.id,
        metadata: {
          domainId: domain.id,
          domain: domain.domain,
          from: { joinMode: domain.joinMode, defaultRole: domain.defaultRole },
          to: { joinMode, defaultRole },
        },
        ...requestOrigin(await headers()),
      }),
    ]);
    return { ok: true, message: `${domain.domain}: ${JOIN_MODE_LABELS[joinMode].split(":")[0]}.` };
  },
);
