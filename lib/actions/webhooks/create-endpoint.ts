"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { type ActionResult, invalidInput } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { createEndpointSchema } from "@/lib/validations/webhooks";
import { createEndpoint } from "@/lib/webhooks/endpoints";
import { isRefusal, resolveWebhookScope } from "@/lib/webhooks/scope";
import { endpointUrlProblem } from "@/lib/webhooks/settings";

/** Adds an endpoint; its signing secret is in the answer, the only time it is shown. */
export const createEndpointAction = serverAction(
  "webhooks.endpoint.create",
  async ({ actor }, input: unknown): Promise<ActionResult<{ id: string; secret: string }>> => {
    const parsed = createEndpointSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const resolved = await resolveWebhookScope(parsed.data.scope, "create");
    if (isRefusal(resolved)) return resolved;
    const problem = endpointUrlProblem(parsed.data.url, resolved.env);
    if (problem) return invalidInput([{ path: ["url"], message: problem }]);
    const { url, description, eventTypes } = parsed.data;
    const created = await createEndpoint(
      await getDb(),
      resolved.env.BETTER_AUTH_SECRET,
      resolved.scope,
      { ...actor, ...requestOrigin(await headers()) },
      { url, description: description || null, eventTypes },
    );
    revalidatePath(resolved.basePath);
    return { ok: true, message: "Endpoint added. Copy its signing secret now: it is not shown again.", data: created };
  },
);
