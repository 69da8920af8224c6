// What the organization policy's pieces share (plugins/organization-policy.ts): reading request bodies, the member a
// request is about, and the request state a before hook leaves for the after hook.
import { defineRequestState } from "@better-auth/core/context";
import type { AuthContext, BetterAuthPlugin } from "better-auth";
import { APIError, type createAuthMiddleware } from "better-auth/api";
import { parseRoleList } from "@/lib/auth/permissions";

export type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
export type Row = Record<string, unknown>;
export type BeforeHooks = NonNullable<NonNullable<BetterAuthPlugin["hooks"]>["before"]>;

/** What a before hook learned that is gone once the change is made (previous role, deleted team's name…). */
export const stash = defineRequestState<Row>(() => ({}));

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function obj(value: unknown): Row {
  return value && typeof value === "object" ? (value as Row) : {};
}

export function roleList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").flatMap(parseRoleList);
  return typeof value === "string" ? parseRoleList(value) : [];
}

export function forbidden(code: string, message: string): never {
  throw new APIError("FORBIDDEN", { code, message });
}

export async function findMember(context: AuthContext, organizationId: string, userId: string) {
  return context.adapter.findOne<{ id: string; userId: string; organizationId: string; role: string }>({
    model: "member",
    where: [
      { field: "organizationId", value: organizationId },
      { field: "userId", value: userId },
    ],
  });
}

/** The organization a request is about: its body, else the caller's active organization. */
export function targetOrganizationId(ctx: HookContext, session: { session: Record<string, unknown> } | null) {
  return str(obj(ctx.body).organizationId) ?? str(session?.session.activeOrganizationId);
}
