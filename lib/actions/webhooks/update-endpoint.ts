"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { updateEndpointSchema } from "@/lib/validations/webhooks";
import { updateEndpoint } from "@/lib/webhooks/endpoints";
import { isRefusal, resolveWebhookScope } from "@/lib/webhooks/scope";
import { endpointUrlProblem } from "@/lib/webhooks/settings";

/** Changes an endpoint's URL, description and event types. */
export const updateEndpointAction = serverAction(
  "webhooks.endpoint.update",
  async ({ actor }, input: unknown): Promise<ActionResult> => {
    const parsed = updateEndpointSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const resolved = await resolveWebhookScope(parsed.data.scope, "update");
    if (isRefusal(resolved)) return resolved;
    const problem = endpointUrlProblem(parsed.data.url, resolved.env);
    if (problem) return invalidInput([{ path: ["url"], message: problem }]);
    const { id, url, description, eventTypes } = parsed.data;
    const actorWithOrigin = { ...actor, ...requestOrigin(await headers()) };
    const fields = { url, description: description || null, eventTypes };
    if (!(await updateEndpoint(await getDb(), resolved.scope, actorWithOrigin, id, fields))) {
      return refused("NOT_FOUND", "This endpoint no longer exists.");
    }
    revalidatePath(resolved.basePath, "layout");
    return { ok: true, message: "Endpoint saved." };
  },
);
