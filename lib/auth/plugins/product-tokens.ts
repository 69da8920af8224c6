// Tokens a product can verify without calling back (README, "Integrating a product"): better-auth's jwt plugin
// signs a short-lived JWT for the current session at GET /api/auth/token, with the public keys at GET /api/auth/jwks
// (Ed25519; private keys in D1's `jwks` table, encrypted with BETTER_AUTH_SECRET). `disableSettingJwtHeader`: the
// plugin would otherwise sign a token on every get-session, cookie-cache answers included.
// Claims: who (sub, email, name, platform role), which session (sid), the active organization with the member's
// role and permissions (better-auth's own permission check, custom roles included), and `act` (RFC 8693) naming
// the staff member behind an impersonation: such a token is read-only and the product should refuse writes.
// A banned user gets no token (their sessions also ended with the ban); a signed-out one gets 401.
import { getCurrentAuthEndpointContext } from "@better-auth/core/context";
import type { AuthContext, BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { jwt } from "better-auth/plugins/jwt";
import { memberHeldPermissions } from "@/lib/auth/org-access";
import { isStaffRole } from "@/lib/auth/permissions";

export interface TokenSettings {
  /** Token lifetime in seconds (default 900). */
  JWT_EXPIRES_IN?: string;
  /** The `aud` claim (default: BETTER_AUTH_URL). */
  JWT_AUDIENCE?: string;
  /** Days after which a new signing key is made (default 90); the old one stays in the JWKS for 30 days. */
  JWT_KEY_ROTATION_DAYS?: string;
}

export const DEFAULT_TOKEN_SECONDS = 15 * 60;
const DAY = 24 * 60 * 60;

function positive(value: string | undefined, fallback: number) {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

type SessionLike = {
  user: { id: string; email: string; name: string; emailVerified: boolean; role?: string | null } & Record<
    string,
    unknown
  >;
  session: { id: string; activeOrganizationId?: string | null; impersonatedBy?: string | null } & Record<
    string,
    unknown
  >;
};

/** The active organization's claim: id, slug, the member's role and what it grants there. */
async function organizationClaim(context: AuthContext, userId: string, organizationId: string) {
  const [membership, org] = await Promise.all([
    context.adapter.findOne<{ role: string }>({
      model: "member",
      where: [
        { field: "organizationId", value: organizationId },
        { field: "userId", value: userId },
      ],
    }),
    context.adapter.findOne<{ id: string; slug: string; name: string }>({
      model: "organization",
      where: [{ field: "id", value: organizationId }],
    }),
  ]);
  if (!membership || !org) return null;
  const held = await memberHeldPermissions(context, { organizationId, role: membership.role });
  const permissions = Object.entries(held).flatMap(([resource, actions]) => actions.map((a) => `${resource}:${a}`));
  return { id: org.id, slug: org.slug, name: org.name, role: membership.role, permissions };
}

/** The claims of a session's token (iss, aud, exp, iat and sub are the plugin's). */
export async function tokenClaims(context: AuthContext, { user, session }: SessionLike) {
  const org = session.activeOrganizationId
    ? await organizationClaim(context, user.id, session.activeOrganizationId)
    : null;
  const impersonator = session.impersonatedBy
    ? await context.adapter.findOne<{ id: string; name: string; email: string }>({
        model: "user",
        where: [{ field: "id", value: session.impersonatedBy }],
      })
    : null;
  return {
    email: user.email,
    email_verified: user.emailVerified,
    name: user.name,
    role: user.role ?? "user",
    sid: session.id,
    org,
    ...(session.impersonatedBy
      ? { act: { sub: session.impersonatedBy, name: impersonator?.name ?? null, read_only: true } }
      : {}),
  };
}

function isBanned(user: { banned?: unknown; banExpires?: unknown }, now = Date.now()) {
  if (!user.banned) return false;
  const expires = user.banExpires ? new Date(user.banExpires as string | number | Date).getTime() : null;
  return expires === null || expires > now;
}

/** Who may read the OpenAPI description: signed-in staff, not while impersonating. */
const STAFF_ONLY = new Set(["/open-api/generate-schema", "/reference"]);

/** The jwt plugin configured for products, and the rules around it (banned users, the API description). */
export function productTokens({ settings, baseURL }: { settings: TokenSettings; baseURL: string }) {
  const seconds = positive(settings.JWT_EXPIRES_IN, DEFAULT_TOKEN_SECONDS);
  const policy = {
    id: "product-token-policy",
    hooks: {
      before: [
        {
          matcher: (ctx) => STAFF_ONLY.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const session = (await getSessionFromCtx(ctx).catch(() => null)) as SessionLike | null;
            if (!session) throw APIError.fromStatus("UNAUTHORIZED");
            if (session.session.impersonatedBy || !isStaffRole(session.user.role)) {
              throw APIError.from("FORBIDDEN", { code: "STAFF_ONLY", message: "For platform staff only." });
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
  return [
    jwt({
      disableSettingJwtHeader: true,
      jwks: {
        keyPairConfig: { alg: "EdDSA", crv: "Ed25519" },
        rotationInterval: positive(settings.JWT_KEY_ROTATION_DAYS, 90) * DAY,
        gracePeriod: 30 * DAY,
      },
      jwt: {
        issuer: baseURL,
        audience: settings.JWT_AUDIENCE?.trim() || baseURL,
        expirationTime: `${seconds}s`,
        definePayload: async (session) => {
          if (isBanned(session.user as { banned?: unknown; banExpires?: unknown })) {
            throw APIError.from("FORBIDDEN", { code: "BANNED_USER", message: "This account is banned." });
          }
          const { context } = getCurrentAuthEndpointContext() as unknown as { context: AuthContext };
          return tokenClaims(context, session as unknown as SessionLike);
        },
      },
    }),
    policy,
  ] as const;
}
