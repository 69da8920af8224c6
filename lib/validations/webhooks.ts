// What the webhook forms and actions accept (the URL rule that depends on settings is checked on the server too:
// lib/webhooks/settings.ts endpointUrlProblem).
import "./zod-config";
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/catalogue";

/** Whose endpoints an action is about: the platform's (operators) or an organization's (by slug). */
export const webhookScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("platform") }),
  z.object({ kind: z.literal("organization"), slug: z.string().min(1).max(100) }),
]);
export type WebhookScope = z.infer<typeof webhookScopeSchema>;

export const endpointFieldsSchema = z.object({
  url: z.string().trim().min(1, "Enter the endpoint's URL.").max(2000, "At most 2,000 characters."),
  description: z.string().trim().max(200, "At most 200 characters."),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Choose at least one event."),
});
export type EndpointFields = z.infer<typeof endpointFieldsSchema>;

const id = z.string().min(1).max(100);

export const createEndpointSchema = endpointFieldsSchema.extend({ scope: webhookScopeSchema });
export const updateEndpointSchema = endpointFieldsSchema.extend({ scope: webhookScopeSchema, id });
export const endpointRefSchema = z.object({ scope: webhookScopeSchema, id });
export const setEndpointEnabledSchema = endpointRefSchema.extend({ enabled: z.boolean() });
export const replayDeliverySchema = z.object({ scope: webhookScopeSchema, deliveryId: id });
