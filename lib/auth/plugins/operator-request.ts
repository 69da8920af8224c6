// What the operator policy (plugins/operator-policy.ts) reads from an admin request: its refusal codes, the reasons
// it carries, who asks and the user it acts on, found the way the endpoint will find them.
import { defineRequestState } from "@better-auth/core/context";
import { APIError, type createAuthMiddleware } from "better-auth/api";
import { IMPERSONATION_REASON_MIN, REASON_MAX } from "@/lib/auth/operator-rules";
import type { Rule } from "@/lib/auth/registry";

export const OPERATOR_POLICY_ERROR_CODES = {
  IMPERSONATION_REASON_REQUIRED: `Give a reason for impersonating this user (at least ${IMPERSONATION_REASON_MIN} characters).`,
  BAN_REASON_REQUIRED: "Give a reason for the ban.",
  REASON_TOO_LONG: `Keep the reason under ${REASON_MAX} characters.`,
  CANNOT_ACT_ON_OPERATOR:
    "Operators cannot ban, delete, change the password, role, email or two-factor of, or impersonate another operator.",
  SUPPORT_CANNOT_ACT_ON_STAFF: "Support staff can only act on users who are not staff.",
  CANNOT_CHANGE_OWN_ROLE: "You cannot change your own role.",
  NOT_ALLOWED_TO_RESET_TWO_FACTOR: "You are not allowed to reset two-factor authentication.",
  FIELD_NOT_UPDATABLE:
    "Only the name, picture, email address and email verification can be changed here: roles go through set-role, bans through ban-user, passwords through set-user-password and two-factor through reset-two-factor.",
} as const;
export type PolicyErrorCode = keyof typeof OPERATOR_POLICY_ERROR_CODES;

export function policyError(status: "BAD_REQUEST" | "FORBIDDEN", code: PolicyErrorCode) {
  return APIError.from(status, { code, message: OPERATOR_POLICY_ERROR_CODES[code] });
}

export type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

export interface SessionLike {
  user: { id: string; name: string; email: string; role?: string | null };
  session: { id: string; token: string; impersonatedBy?: string | null; expiresAt: Date; createdAt: Date };
}

export interface TargetLike {
  id: string;
  name: string;
  email: string;
  role?: string | null;
}

/** What the before hook learned for the after hook: who asked, about whom (before the change). */
export interface PendingAction {
  session: SessionLike | null;
  target: TargetLike | null;
}

export const pendingActions = defineRequestState<Map<string, PendingAction>>(() => new Map());

export function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A string field (the shape gate refused every other shape of an id before this runs). */
export function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** The reason a request gave (bans call it banReason), without throwing on bad input. */
export function reasonOf(path: string, body: Record<string, unknown>): string | null {
  const raw = text(path === "/admin/ban-user" ? body.banReason : body.reason)?.trim();
  return raw ? raw.slice(0, REASON_MAX) : null;
}

/** A reason from a request body: trimmed, null when blank; throws when it is too long. */
export function reasonFrom(body: Record<string, unknown>, key = "reason"): string | null {
  const raw = text(body[key])?.trim() ?? "";
  if (raw.length > REASON_MAX) throw policyError("BAD_REQUEST", "REASON_TOO_LONG");
  return raw === "" ? null : raw;
}

/** The user a staff endpoint acts on, found the way the endpoint will find it (its id passed the shape gate). */
export async function staffTarget(
  ctx: HookContext,
  path: string,
  rule: Rule | undefined,
  session: SessionLike | null,
): Promise<TargetLike | null> {
  const body = record(ctx.body);
  if (path === "/admin/stop-impersonating") return session?.user ?? null;
  if (rule?.target?.field === "sessionToken") {
    const token = text(body.sessionToken);
    return token ? ((await ctx.context.internalAdapter.findSession(token))?.user ?? null) : null;
  }
  const userId = text(body.userId);
  return userId ? await ctx.context.internalAdapter.findUserById(userId) : null;
}
