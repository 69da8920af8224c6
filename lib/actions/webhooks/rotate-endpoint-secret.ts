"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { endpointRefSchema } from "@/lib/validations/webhooks";
import { findEndpoint, rotateEndpointSecret } from "@/lib/webhooks/endpoints";
import { isRefusal, resolveWebhookScope } from "@/lib/webhooks/scope";

/** A new signing secret, shown once; the old one keeps signing beside it for 24 hours. */
export const rotateEndpointSecretAction = serverAction(
  "webhooks.endpoint.rotate_secret",
  async ({ actor }, input: unknown): Promise<ActionResult<{ secret: string }>> => {
    const parsed = endpointRefSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const resolved = await resolveWebhookScope(parsed.data.scope, "update");
    if (isRefusal(resolved)) return resolved;
    const db = await getDb();
    if (!(await findEndpoint(db, resolved.scope, parsed.data.id))) {
      return refused("NOT_FOUND", "This endpoint no longer exists.");
    }
    const actorWithOrigin = { ...actor, ...requestOrigin(await headers()) };
    const rotated = await rotateEndpointSecret(
      db,
      resolved.env.BETTER_AUTH_SECRET,
      resolved.scope,
      actorWithOrigin,
      parsed.data.id,
    );
    revalidatePath(resolved.basePath, "layout");
    return { ok: true, message: "New secret made. The old one keeps working for 24 hours.", data: rotated };
  },
);
