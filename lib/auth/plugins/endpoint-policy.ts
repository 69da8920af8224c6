// Deny by default, and impersonation is read-only, for every better-auth endpoint, decided from the one registry
// (lib/auth/registry.ts): a path the registry does not classify is refused, and an impersonation session is refused
// every endpoint the registry does not allow it (writes, and the reads of the staff area), with an audit row naming
// the staff member behind it, the account they were signed in as and the user the request was about.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { Database } from "@/db/database";
import { auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import { endpointRule, type Rule } from "@/lib/auth/registry";

export const ENDPOINT_POLICY_ERROR_CODES = {
  NOT_WHILE_IMPERSONATING:
    "You are impersonating this user: the session is read-only. Stop impersonating to make changes.",
  ENDPOINT_NOT_CLASSIFIED: "This endpoint is not enabled.",
  SERVER_ONLY_ENDPOINT: "This endpoint is not available over HTTP.",
} as const;

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

interface SessionLike {
  user: { id: string };
  session: { impersonatedBy?: string | null };
}

function field(ctx: HookContext, name: string): string | undefined {
  const body = ctx.body as Record<string, unknown> | undefined;
  const value = body?.[name] ?? (ctx.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * The user a refused request was about, resolved the way the endpoint would have: the user, session or member its
 * ids name (the shape gate already made them plain strings), else the account the session is signed in as.
 */
export async function requestTarget(ctx: HookContext, rule: Rule | undefined, session: SessionLike | null) {
  const adapter = ctx.context.internalAdapter;
  if (rule?.target?.field === "sessionToken") {
    const token = field(ctx, "sessionToken");
    return token ? ((await adapter.findSession(token))?.user.id ?? null) : null;
  }
  const userId = field(ctx, "userId");
  if (rule?.target || (userId && ctx.path?.startsWith("/admin/"))) {
    return userId ? ((await adapter.findUserById(userId))?.id ?? null) : null;
  }
  const memberId = field(ctx, "memberId");
  if (memberId) {
    const member = await ctx.context.adapter.findOne<{ userId: string }>({
      model: "member",
      where: [{ field: "id", value: memberId }],
    });
    return member?.userId ?? null;
  }
  return session?.user.id ?? null;
}

export interface EndpointPolicyOptions {
  db: Database;
}

/** better-auth plugin: refuses unclassified endpoints and what impersonation may not do; right after the shape gate. */
export function endpointPolicy({ db }: EndpointPolicyOptions) {
  return {
    id: "endpoint-policy",
    $ERROR_CODES: Object.fromEntries(
      Object.entries(ENDPOINT_POLICY_ERROR_CODES).map(([code, message]) => [code, { code, message }]),
    ) as { [K in keyof typeof ENDPOINT_POLICY_ERROR_CODES]: { code: K; message: string } },
    hooks: {
      before: [
        {
          // Server-only endpoints have no path: only our own server code can call them (the registry lists them too).
          matcher: (ctx) => ctx.path !== undefined,
          handler: createAuthMiddleware(async (ctx) => {
            const rule = endpointRule(ctx.path);
            if (!rule) {
              const session = (await getSessionFromCtx(ctx).catch(() => null)) as SessionLike | null;
              await recordAudit(db, {
                action: "endpoint.denied",
                ...auditActor(session),
                metadata: { code: "ENDPOINT_NOT_CLASSIFIED", path: ctx.path },
                ...requestOrigin(ctx.headers),
              });
              throw APIError.from("FORBIDDEN", {
                code: "ENDPOINT_NOT_CLASSIFIED",
                message: ENDPOINT_POLICY_ERROR_CODES.ENDPOINT_NOT_CLASSIFIED,
              });
            }
            if (rule.callers === "server" && ctx.request) {
              // Ours to call from server code only (the api-key plugin's endpoints: lib/auth/plugins/api-keys.ts).
              const session = (await getSessionFromCtx(ctx).catch(() => null)) as SessionLike | null;
              await recordAudit(db, {
                action: `${rule.action}.denied`,
                ...auditActor(session),
                metadata: { code: "SERVER_ONLY_ENDPOINT", path: ctx.path },
                ...requestOrigin(ctx.headers),
              });
              throw APIError.from("FORBIDDEN", {
                code: "SERVER_ONLY_ENDPOINT",
                message: ENDPOINT_POLICY_ERROR_CODES.SERVER_ONLY_ENDPOINT,
              });
            }
            if (rule.whileImpersonating) return;
            const session = (await getSessionFromCtx(ctx).catch(() => null)) as SessionLike | null;
            if (!session?.session.impersonatedBy) return;
            await recordAudit(db, {
              action: `${rule.action}.denied`,
              ...auditActor(session),
              targetUserId: await requestTarget(ctx, rule, session),
              // In the metadata, not the organization column: the request names it, nothing has checked it yet.
              metadata: {
                code: "NOT_WHILE_IMPERSONATING",
                path: ctx.path,
                organizationId: field(ctx, "organizationId"),
              },
              ...requestOrigin(ctx.headers),
            });
            throw APIError.from("FORBIDDEN", {
              code: "NOT_WHILE_IMPERSONATING",
              message: ENDPOINT_POLICY_ERROR_CODES.NOT_WHILE_IMPERSONATING,
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
