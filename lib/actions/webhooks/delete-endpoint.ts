"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { endpointRefSchema } from "@/lib/validations/webhooks";
import { deleteEndpoint, findEndpoint } from "@/lib/webhooks/endpoints";
import { isRefusal, resolveWebhookScope } from "@/lib/webhooks/scope";

/** Deletes an endpoint with its delivery log (the events stay for other endpoints). */
export const deleteEndpointAction = serverAction(
  "webhooks.endpoint.delete",
  async ({ actor }, input: unknown): Promise<ActionResult> => {
    const parsed = endpointRefSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const resolved = await resolveWebhookScope(parsed.data.scope, "delete");
    if (isRefusal(resolved)) return resolved;
    const db = await getDb();
    if (!(await findEndpoint(db, resolved.scope, parsed.data.id))) {
      return refused("NOT_FOUND", "This endpoint no longer exists.");
    }
    await deleteEndpoint(db, resolved.scope, { ...actor, ...requestOrigin(await headers()) }, parsed.data.id);
    revalidatePath(resolved.basePath, "layout");
    return { ok: true, message: "Endpoint deleted." };
  },
);
