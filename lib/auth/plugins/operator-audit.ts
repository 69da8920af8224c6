// The audit rows of the operator side (plugins/operator-policy.ts): the row each successful admin endpoint leaves,
// from its body, its response and what the before hook saw, and the action names the registry gives them.
import { type AuditEntry, auditActor, impersonationEndActor } from "@/lib/audit";
import { hasPlatformRole } from "@/lib/auth/permissions";
import { auditActionOf } from "@/lib/auth/registry";
import { type PendingAction, reasonFrom, record, text } from "./operator-request";

/** The audit action of an endpoint, from the registry. */
export const actionForPath = auditActionOf;

/** The platform role a staff member acted with, as their history shows it. */
function staffRoleOf(role: string | null | undefined): "admin" | "support" | null {
  return hasPlatformRole(role, "admin") ? "admin" : hasPlatformRole(role, "support") ? "support" : null;
}

/** The audit row for a successful admin endpoint call, from its body, its response and what the before hook saw. */
export function auditEntryFor(
  path: string,
  body: Record<string, unknown>,
  response: Record<string, unknown>,
  { session, target }: PendingAction,
): AuditEntry | null {
  const actor = auditActor(session);
  const base = { ...actor, targetUserId: target?.id ?? text(body.userId), reason: reasonFrom(body) };
  switch (path) {
    case "/admin/create-user": {
      const created = record(response.user);
      return {
        ...base,
        action: "user.create",
        targetUserId: text(created.id),
        metadata: { email: text(created.email), role: text(created.role), withPassword: Boolean(body.password) },
      };
    }
    case "/admin/update-user": {
      const data = record(body.data);
      const fields = Object.keys(data);
      if (fields.length === 1 && data.emailVerified === true) return { ...base, action: "user.email.verify" };
      const email = text(data.email);
      const emailChange = email ? { emailFrom: target?.email ?? null, emailTo: email.toLowerCase() } : {};
      return { ...base, action: "user.update", metadata: { fields, ...emailChange } };
    }
    case "/admin/set-role": {
      const role = Array.isArray(body.role) ? body.role.join(",") : text(body.role);
      return { ...base, action: "user.role.set", metadata: { from: target?.role ?? null, to: role } };
    }
    case "/admin/ban-user": {
      const banned = record(response.user);
      const expires = banned.banExpires ? new Date(banned.banExpires as string | number | Date).toISOString() : null;
      return { ...base, action: "user.ban", reason: reasonFrom(body, "banReason"), metadata: { expiresAt: expires } };
    }
    case "/admin/unban-user":
      return { ...base, action: "user.unban" };
    case "/admin/impersonate-user": {
      const created = record(response.session);
      const expires = created.expiresAt ? new Date(created.expiresAt as string | number | Date).toISOString() : null;
      // The role is kept with the row: the user's own history (/account/security) names the role, not the person.
      return {
        ...base,
        action: "impersonation.start",
        metadata: { sessionExpiresAt: expires, staffRole: staffRoleOf(session?.user.role) },
      };
    }
    case "/admin/stop-impersonating":
      // The operator stops; the session that ends was the impersonated user's.
      return {
        ...base,
        action: "impersonation.stop",
        ...impersonationEndActor(session),
      };
    case "/admin/revoke-user-session":
      return { ...base, action: "session.revoke" };
    case "/admin/revoke-user-sessions":
      return { ...base, action: "user.sessions.revoke" };
    case "/admin/set-user-password":
      return { ...base, action: "user.password.set" };
    case "/admin/remove-user":
      // The trail outlives the user (no foreign key): the id stays, and the metadata keeps who it was.
      return {
        ...base,
        action: "user.delete",
        metadata: { userId: target?.id ?? text(body.userId), email: target?.email ?? null, name: target?.name ?? null },
      };
    default:
      return null;
  }
}
