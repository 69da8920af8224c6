"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { type ActionResult, invalidInput, refused } from "@/lib/actions/result";
import { deliverSoon, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { replayDeliverySchema } from "@/lib/validations/webhooks";
import { replayDelivery } from "@/lib/webhooks/endpoints";
import { isRefusal, resolveWebhookScope } from "@/lib/webhooks/scope";

/** Sends an event to the endpoint again, as a new delivery with the same event id (receivers de-duplicate on it). */
export const replayDeliveryAction = serverAction(
  "webhooks.delivery.replay",
  async ({ actor }, input: unknown): Promise<ActionResult> => {
    const parsed = replayDeliverySchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const resolved = await resolveWebhookScope(parsed.data.scope, "update");
    if (isRefusal(resolved)) return resolved;
    const actorWithOrigin = { ...actor, ...requestOrigin(await headers()) };
    const replay = await replayDelivery(await getDb(), resolved.scope, actorWithOrigin, parsed.data.deliveryId);
    if (!replay) return refused("NOT_FOUND", "This delivery no longer exists.");
    deliverSoon([replay.eventId]);
    revalidatePath(resolved.basePath, "layout");
    return { ok: true, message: "Replay queued: the event is on its way again." };
  },
);
