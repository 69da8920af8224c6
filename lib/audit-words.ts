// The words of the operator's audit trail: one sentence per action (the organization log's, lib/org-audit-actions.ts,
// for the organization actions), "Refused: …" for a `.denied` row, and a role change as from → to. No server code:
// the trail's columns render in the browser.
import { ORG_AUDIT_ACTIONS } from "./org-audit-actions";

const USER_ACTIONS: Record<string, string> = {
  "user.sign_up": "Signed up",
  "user.sign_in": "Signed in",
  "user.sign_in.social": "Signed in with a provider",
  "user.sign_in.callback": "Came back from a provider",
  "user.sign_out": "Signed out",
  "user.password.reset_request": "Asked for a password reset",
  "user.password.reset_link": "Opened a password reset link",
  "user.password.reset": "Reset their password",
  "user.email.verification_send": "Asked for a verification link",
  "user.email.confirm": "Verified their email address",
  "user.profile.update": "Updated their profile",
  "user.password.verify": "Confirmed their password",
  "user.password.change": "Changed their password",
  "user.email.change_request": "Asked to change their email address",
  "user.delete_self": "Deleted their own account",
  "user.password.set_first": "Set a first password",
  "user.session.revoke": "Signed out a session",
  "user.sessions.revoke_all": "Signed out every session",
  "user.session.revoke_others": "Signed out their other sessions",
  "user.account.link": "Linked a sign-in provider",
  "user.account.unlink": "Unlinked a sign-in provider",
  "user.two_factor.enable": "Turned on two-factor authentication",
  "user.two_factor.disable": "Turned off two-factor authentication",
  "user.two_factor.backup_codes.regenerate": "Made new backup codes",
  "user.two_factor.verify": "Passed two-factor authentication",
  "user.two_factor.otp_send": "Asked for an emailed code",
  "user.trusted_device.revoke": "Stopped trusting a device",
  "user.trusted_device.revoke_all": "Stopped trusting every device",
  "user.list": "Listed users",
  "user.get": "Looked up a user",
  "user.create": "Created a user",
  "user.update": "Changed a user's details",
  "user.role.set": "Changed a platform role",
  "user.ban": "Banned a user",
  "user.unban": "Lifted a ban",
  "user.password.set": "Set a user's password",
  "user.delete": "Deleted a user",
  "user.two_factor.reset": "Reset a user's two-factor authentication",
  "user.unlock": "Unlocked an account",
  "user.sessions.revoke": "Signed a user out everywhere",
  "user.verification.resend": "Resent a verification link",
  "user.email.verify": "Marked an email address verified",
  "users.bulk": "Acted on several users",
  "users.export": "Exported users",
  "session.revoke": "Ended a session",
  "impersonation.start": "Started impersonating",
  "impersonation.stop": "Stopped impersonating",
  "organization.delete": "Deleted an organization",
  "organization.set_active": "Switched organization",
  "audit.read": "Read the audit trail",
  "audit.export": "Exported the audit trail",
  endpoint: "Called an unclassified endpoint",
  "session.update": "Updated their session",
  "user.account.token_refresh": "Refreshed a provider's token",
  "user.account.token_get": "Read a provider's token",
  "user.passkey.add": "Added a passkey",
  "user.passkey.rename": "Renamed a passkey",
  "user.passkey.remove": "Removed a passkey",
  "user.sign_in.passkey": "Signed in with a passkey",
  "user.passkey.step_up": "Confirmed it was them with a passkey",
  "member.add": "Added a member",
  "team.set_active": "Switched team",
  "token.sign": "Signed a product token",
  "token.get": "Got a product token",
  "webhook.endpoint.create": "Added a webhook endpoint",
  "webhook.endpoint.update": "Changed a webhook endpoint",
  "webhook.endpoint.enable": "Turned a webhook endpoint on or off",
  "webhook.endpoint.disable": "Turned off a failing webhook endpoint",
  "webhook.endpoint.rotate_secret": "Rotated a webhook secret",
  "webhook.endpoint.delete": "Deleted a webhook endpoint",
  "webhook.delivery.replay": "Replayed a webhook delivery",
  "apikey.update": "Changed an API key",
  "apikey.verify": "Checked an API key",
};

const WORDS: Record<string, string> = { ...USER_ACTIONS, ...ORG_AUDIT_ACTIONS };

/** "user.password.reset_request" → "User password reset request": for an action without words of its own. */
function fromCode(action: string): string {
  const text = action.replaceAll(/[._]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sentence for an action code; a refused attempt reads "Refused: <sentence>". */
export function describeAction(action: string): string {
  const denied = action.endsWith(".denied");
  const base = denied ? action.slice(0, -".denied".length) : action;
  const words = WORDS[base] ?? fromCode(base);
  return denied ? `Refused: ${words.charAt(0).toLowerCase()}${words.slice(1)}` : words;
}

/** A role change's "from → to" ("member → admin"), or null for other rows. */
export function describeChange(metadata: Record<string, unknown> | null): string | null {
  if (!metadata || !("to" in metadata)) return null;
  const name = (value: unknown) =>
    typeof value === "string" && value ? value : Array.isArray(value) ? value.join(", ") : "none";
  return `${name(metadata.from)} → ${name(metadata.to)}`;
}

export interface AuditTargetParts {
  action: string;
  target: { id: string; name: string | null; email: string | null } | null;
  /** The account the invited address belongs to, if any. */
  invitee?: { id: string; name: string | null; email: string | null } | null;
  organization: { id: string; name: string | null; slug: string | null } | null;
  metadata: Record<string, unknown> | null;
}

/** What the row acted on when it was not a user who still exists. */
export type AuditTargetLabel =
  | { kind: "user" }
  | { kind: "deleted-user"; label: string }
  | { kind: "invitee"; email: string; userId: string | null }
  | { kind: "team"; label: string }
  | { kind: "organization"; label: string }
  | { kind: "role"; label: string }
  | { kind: "none" };

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * The row's target as people read it: the user (when one still exists), else by the action — the invitee of an
 * invitation ("no account"), the team, the organization or the role — and only a user who was there and is gone
 * is "deleted".
 */
export function resolveAuditTarget(row: AuditTargetParts): AuditTargetLabel {
  const m = row.metadata ?? {};
  const base = row.action.replace(/\.denied$/, "");
  if (row.target?.email) return { kind: "user" };
  if (base.startsWith("invitation.") && text(m.email)) {
    return { kind: "invitee", email: text(m.email) as string, userId: row.invitee?.id ?? null };
  }
  if (base.startsWith("team.") && !row.target) {
    return { kind: "team", label: text(m.name) ?? text(m.teamId) ?? "a team" };
  }
  if (base.startsWith("role.")) return { kind: "role", label: text(m.role) ?? "a role" };
  if (base.startsWith("organization.") || base === "ownership.transfer") {
    if (!row.target) {
      const name = row.organization?.name ?? text(m.name) ?? text(m.slug);
      return name ? { kind: "organization", label: name } : { kind: "none" };
    }
  }
  if (row.target) {
    return { kind: "deleted-user", label: text(m.email) ?? row.target.email ?? row.target.id };
  }
  return { kind: "none" };
}
