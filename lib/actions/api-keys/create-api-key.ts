"use server";

import type { AuthContext } from "better-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { apiFailure } from "@/lib/actions/failure";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { getOrgAccess, orgAllows } from "@/lib/auth/guard";
import { getAuth } from "@/lib/auth/server";
import { createOrganizationApiKey, scopesNotHeld } from "@/lib/organization/provisioning/keys";
import { createApiKeySchema } from "@/lib/validations/api-keys";

/**
 * Makes an organization API key with the caller as its creator; the key is in the answer, the only time it is shown.
 * The caller needs the apiKey create permission (owners hold it), and must hold what every scope they grant needs:
 * nobody hands a key more than they may do themselves. better-auth's plugin stores and hashes it (and checks the
 * permission once more, its own way).
 */
export const createApiKeyAction = serverAction(
  "apikeys.create",
  async ({ actor, rule, session }, input: unknown): Promise<ActionResult<{ id: string; key: string }>> => {
    const parsed = createApiKeySchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const { slug, name, scopes, expiresIn, rateLimit } = parsed.data;
    const access = await getOrgAccess(slug);
    if (!access || !(await orgAllows(access, { apiKey: ["create"] }))) {
      return refused("NOT_FOUND", "This organization does not exist, or you cannot make API keys for it.");
    }
    const auth = await getAuth();
    const context = (await auth.$context) as unknown as AuthContext;
    const missing = await scopesNotHeld(context, access.member, scopes);
    if (missing.length > 0) {
      const message = `You can only give a key what you may do yourself; you do not hold ${missing.join(", ")}.`;
      return { ok: false, error: message, code: "SCOPE_NOT_HELD", fieldErrors: { scopes: message } };
    }

    let created: Awaited<ReturnType<typeof createOrganizationApiKey>>;
    try {
      created = await createOrganizationApiKey(auth, {
        organizationId: access.org.id,
        creatorUserId: session.user.id,
        name,
        scopes,
        expiresInDays: expiresIn === "never" ? null : Number(expiresIn),
        rateLimit: Number(rateLimit),
      });
    } catch (error) {
      return apiFailure(error, "createApiKey");
    }
    await recordAudit(await getDb(), {
      action: rule.action,
      ...actor,
      organizationId: access.org.id,
      metadata: {
        apiKeyId: created.id,
        name,
        scopes,
        expiresAt: created.expiresAt?.toISOString() ?? null,
        rateLimit: Number(rateLimit),
      },
      ...requestOrigin(await headers()),
    });
    revalidatePath(`/org/${access.org.slug}/api-keys`);
    return {
      ok: true,
      message: "Key created. Copy it now: it is not shown again.",
      data: { id: created.id, key: created.key },
    };
  },
);
