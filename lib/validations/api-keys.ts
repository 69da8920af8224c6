// What the API key form and actions accept (app/(console)/org/[slug]/api-keys, lib/actions/api-keys).
import "./zod-config";
import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/auth/api-key-scopes";
import { nameField } from "./text";

/** Lifetimes the form offers, in days; "never" is a key that does not expire. */
export const API_KEY_EXPIRIES = ["7", "30", "90", "365", "never"] as const;
export type ApiKeyExpiry = (typeof API_KEY_EXPIRIES)[number];

/** Requests a key may make per minute: the most the form accepts. */
export const API_KEY_RATE_LIMIT_MAX = 1000;

export const apiKeyFieldsSchema = z.object({
  name: nameField({ min: 1, max: 64, tooShort: "Name the key (what uses it)." }),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose at least one scope."),
  expiresIn: z.enum(API_KEY_EXPIRIES),
  /** Requests a minute, as typed (the action turns it into a number). */
  rateLimit: z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, "Enter a whole number of requests.")
    .refine((value) => Number(value) >= 1, "At least 1 request a minute.")
    .refine((value) => Number(value) <= API_KEY_RATE_LIMIT_MAX, `At most ${API_KEY_RATE_LIMIT_MAX} requests a minute.`),
});
export type ApiKeyFields = z.infer<typeof apiKeyFieldsSchema>;

const slug = z.string().min(1).max(100);

export const createApiKeySchema = apiKeyFieldsSchema.extend({ slug });
export const revokeApiKeySchema = z.object({ slug, id: z.string().min(1).max(100) });
