// Who a request to the provisioning API is: an organization API key, verified by better-auth's api-key plugin (hash
// lookup, enabled, expiry, the per-key rate limit), then held to our rules: its creator is still a member of its
// organization and not banned, it holds the scope the route needs (registry `scope`), and its creator still holds
// what that scope needs in the organization. Pure of Next: the route entry (key-entry.ts) and the tests call it.
import type { AuthContext } from "better-auth";
import { and, eq, lte } from "drizzle-orm";
import type { Database } from "@/db/database";
import { member, organization, user } from "@/db/schema";
import { API_KEY_SCOPE_PERMISSIONS, type ApiKeyScope, keyPermissionsToScopes } from "./api-key-scopes";
import type { Auth } from "./create-auth";
import { memberHasPermission } from "./org-access";

/** The key a request acts as, with its organization and its creator's membership there. */
export interface KeyActor {
  keyId: string;
  keyName: string;
  scopes: ApiKeyScope[];
  organization: { id: string; slug: string; name: string };
  /** The member who created the key: a key acts with their rights, never more. */
  creator: { userId: string; memberId: string; role: string; name: string; email: string };
}

/** A refusal of the API, as JSON `{ error: { code, message } }` with this HTTP status. */
export interface ApiRefusal {
  ok: false;
  status: 400 | 401 | 403 | 404 | 409 | 429 | 500;
  code: string;
  message: string;
  /** Seconds to wait (429). */
  retryAfter?: number;
  /** Per-field words when the request failed its schema. */
  fields?: Record<string, string>;
}

/** A refusal of a key that was verified (it is audited with that key as actor). */
export type KeyRefusal = ApiRefusal & { key?: KeyActor };

export function apiRefusal(status: ApiRefusal["status"], code: string, message: string, retryAfter?: number) {
  return { ok: false, status, code, message, ...(retryAfter === undefined ? {} : { retryAfter }) } as ApiRefusal;
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9_-]{1,200})[ \t]*$/;

/** The key of an `Authorization: Bearer <key>` header, or null (missing or of another shape). */
export function bearerKey(headers: Headers): string | null {
  return BEARER.exec(headers.get("authorization") ?? "")?.[1] ?? null;
}

/** The words of better-auth's verification failures, by its code; 429 keeps its wait. */
function verificationRefusal(error: { code?: unknown; details?: unknown } | null): ApiRefusal {
  const code = typeof error?.code === "string" ? error.code : "INVALID_API_KEY";
  if (code === "RATE_LIMITED") {
    const ms = Number((error?.details as { tryAgainIn?: unknown } | undefined)?.tryAgainIn);
    const retryAfter = Math.max(1, Math.ceil((Number.isFinite(ms) ? ms : 60_000) / 1000));
    return apiRefusal(
      429,
      "RATE_LIMITED",
      `This key's rate limit is reached. Try again in ${retryAfter} seconds.`,
      retryAfter,
    );
  }
  if (code === "KEY_EXPIRED") return apiRefusal(401, "KEY_EXPIRED", "This API key has expired.");
  if (code === "KEY_DISABLED") return apiRefusal(401, "KEY_DISABLED", "This API key is disabled.");
  return apiRefusal(401, "INVALID_API_KEY", "This API key is not valid: it was revoked, or it never existed.");
}

function isBanned(row: { banned: boolean | null; banExpires: Date | null }, now = Date.now()) {
  return Boolean(row.banned) && (row.banExpires === null || row.banExpires.getTime() > now);
}

export interface KeyAuthDeps {
  db: Database;
  auth: Auth;
}

/**
 * The key behind a request, held to the route's scope; or the refusal to answer. Verification counts the request
 * against the key's rate limit (better-auth's atomic counter on the key row) and marks it used.
 */
export async function authenticateKey(
  { db, auth }: KeyAuthDeps,
  headers: Headers,
  scope: ApiKeyScope | undefined,
): Promise<{ ok: true; key: KeyActor } | KeyRefusal> {
  const presented = bearerKey(headers);
  if (!presented) {
    return apiRefusal(401, "API_KEY_REQUIRED", "Send an organization API key: Authorization: Bearer <key>.");
  }
  const verified = await auth.api.verifyApiKey({ body: { key: presented } });
  if (!verified.valid || !verified.key) return verificationRefusal(verified.error as { code?: unknown } | null);
  const key = verified.key;
  const creatorUserId = (key.metadata as { creatorUserId?: unknown } | null)?.creatorUserId;
  if (typeof creatorUserId !== "string") return verificationRefusal(null);

  // The creator's membership now, the one they made the key in (none when they left, or the organization is gone): a
  // creator who left and rejoined has a newer membership, and the key stays stopped.
  const [row] = await db
    .select({
      memberId: member.id,
      role: member.role,
      orgId: organization.id,
      slug: organization.slug,
      orgName: organization.name,
      name: user.name,
      email: user.email,
      banned: user.banned,
      banExpires: user.banExpires,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .innerJoin(user, eq(user.id, member.userId))
    .where(
      and(
        eq(member.organizationId, key.referenceId),
        eq(member.userId, creatorUserId),
        lte(member.createdAt, new Date(key.createdAt)),
      ),
    )
    .limit(1);
  if (!row) {
    return apiRefusal(401, "KEY_DISABLED", "This API key has stopped working: its creator left the organization.");
  }
  if (isBanned(row)) {
    return apiRefusal(401, "KEY_CREATOR_BANNED", "This API key is suspended while its creator's account is banned.");
  }
  const actor: KeyActor = {
    keyId: key.id,
    keyName: key.name ?? "",
    scopes: keyPermissionsToScopes(key.permissions as Record<string, unknown> | null),
    organization: { id: row.orgId, slug: row.slug, name: row.orgName },
    creator: { userId: creatorUserId, memberId: row.memberId, role: row.role, name: row.name, email: row.email },
  };
  if (!scope) return { ok: true, key: actor };
  if (!actor.scopes.includes(scope)) {
    return { ...apiRefusal(403, "INSUFFICIENT_SCOPE", `This API key does not have the ${scope} scope.`), key: actor };
  }
  const context = (await auth.$context) as unknown as AuthContext;
  const needs = API_KEY_SCOPE_PERMISSIONS[scope];
  if (!(await memberHasPermission(context, { organizationId: row.orgId, role: row.role }, needs))) {
    const message = `This key's creator no longer holds what ${scope} needs in the organization; make a new key.`;
    return { ...apiRefusal(403, "KEY_CREATOR_LACKS_PERMISSION", message), key: actor };
  }
  return { ok: true, key: actor };
}
