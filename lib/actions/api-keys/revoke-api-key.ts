"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { apikey } from "@/db/schema";
import { apiFailure } from "@/lib/actions/failure";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { getOrgAccess, orgAllows } from "@/lib/auth/guard";
import { getAuth } from "@/lib/auth/server";
import { revokeApiKeySchema } from "@/lib/validations/api-keys";

const NOT_FOUND = "This key no longer exists.";

/**
 * Revokes an organization API key: better-auth deletes it (after its own permission check for the caller), so its
 * next use is refused. The audit row keeps its name and who made it.
 */
export const revokeApiKeyAction = serverAction(
  "apikeys.revoke",
  async ({ actor, rule }, input: unknown): Promise<ActionResult> => {
    const parsed = revokeApiKeySchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const access = await getOrgAccess(parsed.data.slug);
    if (!access || !(await orgAllows(access, { apiKey: ["delete"] }))) {
      return refused("NOT_FOUND", "This organization does not exist, or you cannot revoke its API keys.");
    }
    const db = await getDb();
    const [key] = await db
      .select({ id: apikey.id, name: apikey.name, metadata: apikey.metadata })
      .from(apikey)
      .where(and(eq(apikey.id, parsed.data.id), eq(apikey.referenceId, access.org.id)))
      .limit(1);
    if (!key) return refused("NOT_FOUND", NOT_FOUND);
    try {
      await (await getAuth()).api.deleteApiKey({ body: { keyId: key.id }, headers: await headers() });
    } catch (error) {
      return apiFailure(error, "deleteApiKey");
    }
    let creatorUserId: unknown = null;
    try {
      creatorUserId = (JSON.parse(key.metadata ?? "null") as { creatorUserId?: unknown } | null)?.creatorUserId;
    } catch {
      creatorUserId = null;
    }
    await recordAudit(db, {
      action: rule.action,
      ...actor,
      organizationId: access.org.id,
      metadata: { apiKeyId: key.id, name: key.name, creatorUserId },
      ...requestOrigin(await headers()),
    });
    revalidatePath(`/org/${access.org.slug}/api-keys`);
    return { ok: true, message: `Key ${key.name ?? ""} revoked. Requests with it are refused from now on.` };
  },
);
