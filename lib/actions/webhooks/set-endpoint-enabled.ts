"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { setEndpointEnabledSchema } from "@/lib/validations/webhooks";
import { findEndpoint, setEndpointEnabled } from "@/lib/webhooks/endpoints";
import { isRefusal, resolveWebhookScope } from "@/lib/webhooks/scope";

/** Turns an endpoint on (deliveries resume, its failure streak forgotten) or off. */
export const setEndpointEnabledAction = serverAction(
  "webhooks.endpoint.set_enabled",
  async ({ actor }, input: unknown): Promise<ActionResult> => {
    const parsed = setEndpointEnabledSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const resolved = await resolveWebhookScope(parsed.data.scope, "update");
    if (isRefusal(resolved)) return resolved;
    const db = await getDb();
    if (!(await findEndpoint(db, resolved.scope, parsed.data.id))) {
      return refused("NOT_FOUND", "This endpoint no longer exists.");
    }
    const actorWithOrigin = { ...actor, ...requestOrigin(await headers()) };
    await setEndpointEnabled(db, resolved.scope, actorWithOrigin, parsed.data.id, parsed.data.enabled);
    revalidatePath(resolved.basePath, "layout");
    return { ok: true, message: parsed.data.enabled ? "Endpoint enabled." : "Endpoint disabled." };
  },
);
