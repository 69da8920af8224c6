// Every audit action, in one list: the registry's `action` of each endpoint and action (lib/auth/registry.ts), the
// rows the plugins, actions and route handlers write (lib/audit.ts), and, for each, the `<action>.denied` row of a
// refusal. A misspelled action fails the type check. No imports: the browser reads it too.

export const AUDIT_ACTIONS = [
  // A user: sign-in and the account, and what staff do to it.
  "user.sign_up",
  "user.sign_in",
  "user.sign_in.social",
  "user.sign_in.callback",
  "user.sign_out",
  "user.password.reset_request",
  "user.password.reset_link",
  "user.password.reset",
  "user.email.verification_send",
  "user.email.confirm",
  "user.profile.update",
  "user.password.verify",
  "user.password.change",
  "user.email.change_request",
  "user.delete_self",
  "user.password.set_first",
  "user.sessions.list",
  "user.session.revoke",
  "user.sessions.revoke_all",
  "user.session.revoke_others",
  "user.accounts.list",
  "user.account.link",
  "user.account.unlink",
  "user.account.token_refresh",
  "user.account.token_get",
  "user.account.info",
  "user.two_factor.enable",
  "user.two_factor.disable",
  "user.two_factor.totp_uri",
  "user.two_factor.backup_codes.regenerate",
  "user.two_factor.verify",
  "user.two_factor.otp_send",
  "user.two_factor.totp_generate",
  "user.two_factor.backup_codes.view",
  "user.two_factor.challenge",
  "user.permission.check",
  "user.list",
  "user.get",
  "user.create",
  "user.update",
  "user.role.set",
  "user.ban",
  "user.unban",
  "user.password.set",
  "user.delete",
  "user.two_factor.reset",
  "user.unlock",
  "user.sessions.revoke",
  "user.verification.resend",
  "user.email.verify",
  "user.trusted_device.revoke",
  "user.trusted_device.revoke_all",
  // Passkeys: signing in with one, using one to confirm it's you, and managing them.
  "user.sign_in.passkey",
  "user.passkey.step_up",
  "user.passkeys.list",
  "user.passkey.add",
  "user.passkey.rename",
  "user.passkey.remove",
  // Many users at once (staff).
  "users.bulk",
  "users.export",
  // Sessions.
  "session.get",
  "session.update",
  "session.revoke",
  // Impersonation.
  "impersonation.start",
  "impersonation.stop",
  // Organizations.
  "organization.create",
  "organization.slug.check",
  "organization.list",
  "organization.update",
  "organization.delete",
  "organization.set_active",
  "organization.get",
  "organization.permission.check",
  "organization.owner.make",
  // What an organization decides for itself (issue 16).
  "organization.policy.update",
  "organization.two_factor.remind",
  "domain.add",
  "domain.remove",
  "domain.affiliation.code_send",
  "domain.affiliation.verify",
  "domain.ownership.verify",
  "domain.join_mode.update",
  "domain.list",
  "member.join.domain",
  "join_request.create",
  "join_request.approve",
  "join_request.refuse",
  "invitation.bulk",
  "invitation.bulk.preview",
  // Members.
  "member.get",
  "member.list",
  "member.add",
  "member.remove",
  "member.role.update",
  // Invitations.
  "invitation.create",
  "invitation.cancel",
  "invitation.list",
  "invitation.get",
  "invitation.accept",
  "invitation.reject",
  "invitation.resend",
  "invitation.reassign",
  "invitation.role.change",
  // Teams.
  "team.create",
  "team.update",
  "team.delete",
  "team.set_active",
  "team.list",
  "team.member.list",
  "team.member.add",
  "team.member.remove",
  // Custom roles.
  "role.create",
  "role.update",
  "role.delete",
  "role.list",
  "role.get",
  // Ownership.
  "ownership.transfer",
  // Product tokens (better-auth's jwt plugin) and the API description (its openAPI plugin).
  "token.get",
  "token.jwks",
  "token.sign",
  "token.verify",
  "api.schema",
  "api.reference",
  // Webhook endpoints and deliveries (lib/webhooks).
  "webhook.endpoint.list",
  "webhook.endpoint.create",
  "webhook.endpoint.update",
  "webhook.endpoint.enable",
  "webhook.endpoint.disable",
  "webhook.endpoint.rotate_secret",
  "webhook.endpoint.delete",
  "webhook.delivery.replay",
  // Organization API keys (lib/auth/plugins/api-keys.ts) and the calls they make (app/api/v1).
  "apikey.create",
  "apikey.list",
  "apikey.update",
  "apikey.revoke",
  "apikey.verify",
  "apikey.request",
  // The audit log.
  "audit.read",
  "audit.export",
  // Route handlers.
  "auth.handler",
  // Health.
  "health.ok",
  "health.error",
  // The benchmark route.
  "bench.read",
  // A request to an endpoint nobody classified (`endpoint.denied`).
  "endpoint",
] as const;

/** An action a success records (and a registry entry names). */
export type AuditBaseAction = (typeof AUDIT_ACTIONS)[number];
/** The row of a refused attempt: the action it tried, `.denied`. */
export type DeniedAuditAction = `${AuditBaseAction}.denied`;
/** Every action an audit row may hold. */
export type AuditAction = AuditBaseAction | DeniedAuditAction;

/** The row a refusal of `action` leaves. */
export function deniedAction(action: AuditBaseAction): DeniedAuditAction {
  return `${action}.denied`;
}
