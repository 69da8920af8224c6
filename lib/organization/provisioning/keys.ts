// Making an organization API key through better-auth's api-key plugin (lib/auth/plugins/api-keys.ts): the scopes as
// its permissions, the creator in its metadata, the per-key rate limit over one minute. The console's action
// (lib/actions/api-keys/create-api-key.ts) decides who may and which scopes first; tests make keys the same way.
import type { AuthContext } from "better-auth";
import { API_KEY_SCOPE_PERMISSIONS, type ApiKeyScope, scopesToKeyPermissions } from "@/lib/auth/api-key-scopes";
import type { Auth } from "@/lib/auth/create-auth";
import { memberHasPermission } from "@/lib/auth/org-access";
import { API_KEY_RATE_WINDOW_MS } from "@/lib/auth/plugins/api-keys";

const DAY_SECONDS = 60 * 60 * 24;

export interface NewApiKey {
  organizationId: string;
  creatorUserId: string;
  name: string;
  scopes: readonly ApiKeyScope[];
  /** Days until it expires; null: never. */
  expiresInDays: number | null;
  /** Requests per minute. */
  rateLimit: number;
}

/** The new key: its id, the key itself (shown once, stored hashed), its name and its expiry. */
export async function createOrganizationApiKey(auth: Auth, input: NewApiKey) {
  const created = await auth.api.createApiKey({
    body: {
      organizationId: input.organizationId,
      // Without a session: better-auth checks this member's apiKey create permission in the organization.
      userId: input.creatorUserId,
      name: input.name,
      expiresIn: input.expiresInDays === null ? null : input.expiresInDays * DAY_SECONDS,
      permissions: scopesToKeyPermissions(input.scopes),
      rateLimitEnabled: true,
      rateLimitMax: input.rateLimit,
      rateLimitTimeWindow: API_KEY_RATE_WINDOW_MS,
      metadata: { creatorUserId: input.creatorUserId },
    },
  });
  return {
    id: created.id,
    key: created.key,
    name: input.name,
    expiresAt: created.expiresAt ? new Date(created.expiresAt) : null,
  };
}

/**
 * The scopes among `scopes` whose permissions `member` does not hold (better-auth's check, custom roles included):
 * nobody gives a key more than they may do themselves.
 */
export async function scopesNotHeld(
  context: AuthContext,
  member: { organizationId: string; role: string },
  scopes: readonly ApiKeyScope[],
): Promise<ApiKeyScope[]> {
  const missing: ApiKeyScope[] = [];
  for (const scope of scopes) {
    if (!(await memberHasPermission(context, member, API_KEY_SCOPE_PERMISSIONS[scope]))) missing.push(scope);
  }
  return missing;
}
