// Organization API keys: better-auth's api-key plugin stores them (hashed, with their expiry, per-key rate limit,
// scopes as permissions and the creator in the metadata). Its HTTP endpoints are closed (registry: `server`, refused
// over HTTP by endpoint-policy): keys are made and revoked by our server actions (lib/actions/api-keys), which
// check what the creator holds, and used only on /api/v1 (lib/auth/key-entry.ts). A key never opens a session.
import { apiKey } from "@better-auth/api-key";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { API_KEY_PREFIX } from "@/lib/auth/api-key-scopes";
import { endpointRule } from "@/lib/auth/registry";
import { withProvisioningApi } from "@/lib/organization/provisioning/openapi";

/** A key's default limit: requests per window (the creator picks another per key). */
export const API_KEY_DEFAULT_RATE_LIMIT = 120;
/** The rate-limit window of every key: one minute. */
export const API_KEY_RATE_WINDOW_MS = 60_000;
/** The longest a key may live, in days (the form also offers keys that do not expire). */
export const API_KEY_MAX_DAYS = 365;

/** The plugin, configured for keys owned by organizations. */
export function organizationApiKeys() {
  return apiKey({
    references: "organization",
    defaultPrefix: API_KEY_PREFIX,
    // Shown in the list to tell keys apart: the prefix and 6 characters of the random part.
    startingCharactersConfig: { shouldStore: true, charactersLength: API_KEY_PREFIX.length + 6 },
    requireName: true,
    maximumNameLength: 64,
    enableMetadata: true,
    keyExpiration: { defaultExpiresIn: null, minExpiresIn: 1, maxExpiresIn: API_KEY_MAX_DAYS },
    rateLimit: { enabled: true, timeWindow: API_KEY_RATE_WINDOW_MS, maxRequests: API_KEY_DEFAULT_RATE_LIMIT },
    // Never a session from a key header: a key acts only through /api/v1, with our authorization.
    enableSessionForAPIKeys: false,
  });
}

/**
 * The provisioning API in the OpenAPI document (GET /open-api/generate-schema, staff only): its paths added, and the
 * endpoints closed over HTTP (registry `server`: the api-key plugin's) taken out.
 */
export function provisioningApiDescription() {
  return {
    id: "provisioning-api-description",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/open-api/generate-schema",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (!returned || typeof returned !== "object" || returned instanceof APIError) return;
            if (returned instanceof Response) return;
            const origin = new URL(ctx.context.baseURL).origin;
            const hidden = (path: string) => endpointRule(path)?.callers === "server";
            return ctx.json(withProvisioningApi(returned as Record<string, unknown>, origin, hidden));
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
