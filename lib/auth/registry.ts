// The one table that classifies everything a request can reach: every endpoint of the configured better-auth
// instance (core and every plugin, by path; server-only ones by their `auth.api` key) and every server action and
// route handler of ours. The staff, organization, step-up and impersonation rules read it instead of keeping path
// lists of their own, and a request to an endpoint that is not here is refused (plugins/endpoint-policy.ts). A unit
// test enumerates the live endpoints and fails on any that is missing, so a better-auth upgrade or a new plugin
// cannot add an unexamined path.
//
// No runtime imports: the client's forms and the tests read it too. The audit actions come from one list
// (lib/audit-actions.ts): a misspelled one fails the type check.

import type { AuditBaseAction } from "@/lib/audit-actions";
import type { ApiKeyScope } from "@/lib/auth/api-key-scopes";

/**
 * Who an entry is for. A classification, not a second copy of better-auth's access control (which still decides
 * inside its endpoints):
 * - `anyone`: signed out too (sign-in, links from mail, health);
 * - `user`: a signed-in user, about their own account;
 * - `member`: a signed-in user, inside an organization (better-auth's organization roles decide what);
 * - `staff`: operators and support (the admin plugin's roles decide what);
 * - `operator`: operators only;
 * - `server`: called by our own server code only (an endpoint with a path is refused over HTTP: endpoint-policy);
 * - `key`: an organization API key (`Authorization: Bearer`, /api/v1: lib/auth/key-entry.ts), never a session.
 */
export type Caller = "anyone" | "user" | "member" | "staff" | "operator" | "server" | "key";

/** Where a staff endpoint finds the user it acts on, and who that user may be. */
export interface StaffTarget {
  /** The body field holding the user's id, or the session token of one of their sessions. */
  field: "userId" | "sessionToken";
  /** `refuse`: an operator cannot do this to another operator (CANNOT_ACT_ON_OPERATOR). */
  operators: "refuse" | "allow";
  /** `refuse`: support cannot do this to staff (SUPPORT_CANNOT_ACT_ON_STAFF). */
  staffForSupport: "refuse" | "allow";
}

export interface Rule {
  /** Decided per endpoint, not from the HTTP method: `/admin/list-user-sessions` is a POST that reads. */
  kind: "read" | "write";
  callers: Caller;
  /** Whether an impersonation session may call it. Impersonation is for seeing: only reads, and moving around. */
  whileImpersonating: boolean;
  /** Whether it needs a sign-in from the last 15 minutes; a function decides from the request body. */
  stepUp: boolean | ((body: Record<string, unknown>) => boolean);
  /** The audit action: of the row a success leaves (when `audited`), and of `<action>.denied` rows. */
  action: AuditBaseAction;
  /** Whether a success leaves an audit row. */
  audited: boolean;
  target?: StaffTarget;
  /** For `key` callers: the scope the key must hold (its creator must still hold what the scope needs, too). */
  scope?: ApiKeyScope;
}

type Options = Partial<Omit<Rule, "kind" | "callers" | "action">>;

function read(callers: Caller, action: AuditBaseAction, options: Options = {}): Rule {
  // Seeing what the user sees is what impersonation is for; the staff area is not part of that.
  const staffArea = callers === "staff" || callers === "operator";
  return { kind: "read", callers, action, whileImpersonating: !staffArea, stepUp: false, audited: false, ...options };
}

function write(callers: Caller, action: AuditBaseAction, options: Options = {}): Rule {
  return { kind: "write", callers, action, whileImpersonating: false, stepUp: false, audited: false, ...options };
}

const audited = { audited: true } as const;
const onUsers = (field: StaffTarget["field"] = "userId"): StaffTarget => ({
  field,
  operators: "refuse",
  staffForSupport: "refuse",
});
const onAnyone = (field: StaffTarget["field"] = "userId"): StaffTarget => ({
  field,
  operators: "allow",
  staffForSupport: "refuse",
});

/** `/admin/update-user` needs a fresh sign-in when it changes the address people sign in with. */
function changesEmail(body: Record<string, unknown>) {
  const data = body.data;
  return typeof data === "object" && data !== null && "email" in data;
}

/** Every better-auth endpoint by path; server-only endpoints (no path) as `server:<auth.api key>`. */
export const ENDPOINTS: Record<string, Rule> = {
  // Sign-in, sign-up and the links people get by mail.
  "/ok": read("anyone", "health.ok"),
  "/error": read("anyone", "health.error"),
  "/get-session": read("anyone", "session.get"),
  "/sign-up/email": write("anyone", "user.sign_up", audited),
  "/sign-in/email": write("anyone", "user.sign_in"),
  "/sign-in/social": write("anyone", "user.sign_in.social"),
  // The provider's redirect back (a GET that signs in, signs up or links; plugins/social-sign-in.ts records it).
  "/callback/:id": write("anyone", "user.sign_in.callback", audited),
  // Ends the impersonation the way /admin/stop-impersonating does (plugins/operator-policy.ts), then signs out.
  "/sign-out": write("user", "user.sign_out", { whileImpersonating: true }),
  "/request-password-reset": write("anyone", "user.password.reset_request"),
  "/reset-password/:token": read("anyone", "user.password.reset_link"),
  "/reset-password": write("anyone", "user.password.reset"),
  "/send-verification-email": write("anyone", "user.email.verification_send"),
  // A GET that writes: it marks the address verified, or moves the account to a new one.
  "/verify-email": write("anyone", "user.email.confirm"),

  // The signed-in user's own account.
  "/update-user": write("user", "user.profile.update", audited),
  "/update-session": write("user", "session.update"),
  // Checks the password without changing anything, but an impersonator may not probe it.
  "/verify-password": read("user", "user.password.verify", { whileImpersonating: false }),
  "/change-password": write("user", "user.password.change", { stepUp: true, ...audited }),
  "/change-email": write("user", "user.email.change_request", { stepUp: true, ...audited }),
  "/delete-user": write("user", "user.delete_self", { stepUp: true }),
  "/delete-user/callback": write("anyone", "user.delete_self"),
  "server:setPassword": write("server", "user.password.set_first", audited),
  "/list-sessions": read("user", "user.sessions.list"),
  "/revoke-session": write("user", "user.session.revoke"),
  "/revoke-sessions": write("user", "user.sessions.revoke_all"),
  "/revoke-other-sessions": write("user", "user.session.revoke_others"),
  "/list-accounts": read("user", "user.accounts.list"),
  // Linking is a new way into the account: a fresh sign-in, like adding a passkey.
  "/link-social": write("user", "user.account.link", { stepUp: true }),
  "/unlink-account": write("user", "user.account.unlink", audited),
  // These hand out or use the user's tokens with other services: never to an impersonator.
  "/refresh-token": write("user", "user.account.token_refresh"),
  "/get-access-token": write("user", "user.account.token_get"),
  "/account-info": read("user", "user.account.info", { whileImpersonating: false }),

  // Passkeys (@better-auth/passkey; plugins/passkeys.ts and passkey-policy.ts). Adding one is a new way into the
  // account: a fresh sign-in, like a password change. The options endpoints are GETs that write a challenge.
  "/passkey/generate-register-options": write("user", "user.passkey.add", { stepUp: true }),
  "/passkey/verify-registration": write("user", "user.passkey.add", { stepUp: true, ...audited }),
  "/passkey/list-user-passkeys": read("user", "user.passkeys.list"),
  "/passkey/update-passkey": write("user", "user.passkey.rename", audited),
  "/passkey/delete-passkey": write("user", "user.passkey.remove", audited),
  // Sign-in, step-up ("Confirm it's you") and the second factor; the row names which (passkey-policy.ts).
  "/passkey/generate-authenticate-options": write("anyone", "user.sign_in.passkey"),
  "/passkey/verify-authentication": write("anyone", "user.sign_in.passkey", audited),

  // Two-factor: enrolment and the sign-in challenge.
  "/two-factor/enable": write("user", "user.two_factor.enable", audited),
  "/two-factor/disable": write("user", "user.two_factor.disable", audited),
  // Shows the authenticator secret: for the account's owner only.
  "/two-factor/get-totp-uri": read("user", "user.two_factor.totp_uri", { whileImpersonating: false }),
  "/two-factor/generate-backup-codes": write("user", "user.two_factor.backup_codes.regenerate", audited),
  "/two-factor/verify-totp": write("anyone", "user.two_factor.verify"),
  "/two-factor/send-otp": write("anyone", "user.two_factor.otp_send"),
  "/two-factor/verify-otp": write("anyone", "user.two_factor.verify"),
  "/two-factor/verify-backup-code": write("anyone", "user.two_factor.verify"),
  "server:generateTOTP": read("server", "user.two_factor.totp_generate"),
  "server:viewBackupCodes": read("server", "user.two_factor.backup_codes.view"),
  "server:getTwoFactorChallenge": read("server", "user.two_factor.challenge"),

  // Organizations.
  "/organization/create": write("user", "organization.create", audited),
  "/organization/check-slug": read("user", "organization.slug.check"),
  "/organization/list": read("user", "organization.list"),
  "/organization/update": write("member", "organization.update", audited),
  "/organization/delete": write("member", "organization.delete", audited),
  // Moves the impersonator around (without touching the real user's last-active organization).
  "/organization/set-active": write("member", "organization.set_active", { whileImpersonating: true }),
  "/organization/get-organization": read("member", "organization.get"),
  "/organization/get-full-organization": read("member", "organization.get"),
  "/organization/has-permission": read("member", "organization.permission.check"),
  "/organization/get-active-member": read("member", "member.get"),
  "/organization/get-active-member-role": read("member", "member.get"),
  "/organization/list-members": read("member", "member.list"),
  "server:addMember": write("server", "member.add"),
  "/organization/remove-member": write("member", "member.remove", audited),
  "/organization/update-member-role": write("member", "member.role.update", audited),
  "/organization/leave": write("member", "member.remove", audited),
  "/organization/invite-member": write("member", "invitation.create", audited),
  "/organization/cancel-invitation": write("member", "invitation.cancel", audited),
  "/organization/list-invitations": read("member", "invitation.list"),
  "/organization/get-invitation": read("user", "invitation.get"),
  "/organization/list-user-invitations": read("user", "invitation.list"),
  "/organization/accept-invitation": write("user", "invitation.accept", audited),
  "/organization/reject-invitation": write("user", "invitation.reject", audited),
  "/organization/create-team": write("member", "team.create", audited),
  "/organization/update-team": write("member", "team.update", audited),
  "/organization/remove-team": write("member", "team.delete", audited),
  "/organization/set-active-team": write("member", "team.set_active"),
  "/organization/list-teams": read("member", "team.list"),
  "/organization/list-user-teams": read("member", "team.list"),
  "/organization/list-team-members": read("member", "team.member.list"),
  "/organization/add-team-member": write("member", "team.member.add", audited),
  "/organization/remove-team-member": write("member", "team.member.remove", audited),
  "/organization/create-role": write("member", "role.create", audited),
  "/organization/update-role": write("member", "role.update", audited),
  "/organization/delete-role": write("member", "role.delete", audited),
  "/organization/list-roles": read("member", "role.list"),
  "/organization/get-role": read("member", "role.get"),

  // The operator API (admin plugin, and our endpoints under /admin/).
  "/admin/has-permission": read("user", "user.permission.check"),
  "/admin/list-users": read("staff", "user.list"),
  "/admin/get-user": read("staff", "user.get"),
  // A POST that reads. Support does not see staff sessions.
  "/admin/list-user-sessions": read("staff", "user.sessions.list", { target: onAnyone() }),
  "/admin/create-user": write("operator", "user.create", audited),
  "/admin/update-user": write("operator", "user.update", { stepUp: changesEmail, target: onUsers(), ...audited }),
  "/admin/set-role": write("operator", "user.role.set", { stepUp: true, target: onUsers(), ...audited }),
  "/admin/ban-user": write("operator", "user.ban", { stepUp: true, target: onUsers(), ...audited }),
  "/admin/unban-user": write("operator", "user.unban", { target: onUsers(), ...audited }),
  "/admin/set-user-password": write("operator", "user.password.set", { stepUp: true, target: onUsers(), ...audited }),
  "/admin/remove-user": write("operator", "user.delete", { stepUp: true, target: onUsers(), ...audited }),
  "/admin/reset-two-factor": write("operator", "user.two_factor.reset", {
    stepUp: true,
    target: onUsers(),
    ...audited,
  }),
  "/admin/unlock-user": write("operator", "user.unlock", { target: onAnyone(), ...audited }),
  "/admin/remove-user-passkey": write("operator", "user.passkey.remove", {
    stepUp: true,
    target: onUsers(),
    ...audited,
  }),
  "/admin/impersonate-user": write("staff", "impersonation.start", { stepUp: true, target: onUsers(), ...audited }),
  // Ends the impersonation: the one admin endpoint an impersonation session calls.
  "/admin/stop-impersonating": write("user", "impersonation.stop", { whileImpersonating: true, ...audited }),
  "/admin/revoke-user-session": write("staff", "session.revoke", { target: onAnyone("sessionToken"), ...audited }),
  "/admin/revoke-user-sessions": write("staff", "user.sessions.revoke", { target: onAnyone(), ...audited }),

  // Product tokens (plugins/product-tokens.ts): a read a product asks for, impersonation included (its `act` claim
  // says so); the public keys; signing and verifying from our own server code only.
  "/token": read("user", "token.get"),
  "/jwks": read("anyone", "token.jwks"),
  "server:signJWT": write("server", "token.sign"),
  "server:verifyJWT": read("server", "token.verify"),
  // The API description, for staff; the reference page is off (disableDefaultReference: 404).
  "/open-api/generate-schema": read("staff", "api.schema"),
  "/reference": read("staff", "api.reference"),

  // Organization API keys (better-auth's api-key plugin, plugins/api-keys.ts): closed over HTTP. Our server actions
  // create and revoke keys (they check the scopes against what the creator holds), /api/v1 verifies them.
  "/api-key/create": write("server", "apikey.create"),
  "/api-key/get": read("server", "apikey.list"),
  "/api-key/update": write("server", "apikey.update"),
  "/api-key/delete": write("server", "apikey.revoke"),
  "/api-key/list": read("server", "apikey.list"),
  "server:verifyApiKey": write("server", "apikey.verify"),
  "server:deleteAllExpiredApiKeys": write("server", "apikey.revoke"),
};

/** Every server action (lib/actions) and route handler (app/api) of ours, by name. */
export const ACTIONS = {
  // Operators and support on users (lib/actions/users): better-auth's endpoints decide the rest.
  "users.ban": write("staff", "user.ban", { stepUp: true }),
  "users.unban": write("staff", "user.unban"),
  "users.bulk": write("staff", "users.bulk"),
  "users.create": write("operator", "user.create"),
  "users.delete": write("operator", "user.delete", { stepUp: true }),
  "users.impersonate": write("staff", "impersonation.start", { stepUp: true }),
  "users.verification.resend": write("operator", "user.verification.resend", audited),
  "users.two_factor.reset": write("operator", "user.two_factor.reset", { stepUp: true }),
  "users.passkey.remove": write("operator", "user.passkey.remove", { stepUp: true }),
  "users.session.revoke": write("staff", "session.revoke"),
  "users.sessions.revoke": write("staff", "user.sessions.revoke"),
  "users.password.set": write("operator", "user.password.set", { stepUp: true }),
  "users.role.set": write("operator", "user.role.set", { stepUp: true }),
  "users.unlock": write("operator", "user.unlock"),
  "users.email.verify": write("operator", "user.email.verify"),
  // Operators resolving an organization left without a usable owner.
  "organizations.owner.make": write("operator", "organization.owner.make", { stepUp: true, ...audited }),
  // The signed-in user's own account (lib/actions/account).
  "account.session.revoke": write("user", "user.session.revoke", audited),
  "account.sessions.revoke_others": write("user", "user.session.revoke_others", audited),
  "account.trusted_device.revoke": write("user", "user.trusted_device.revoke", audited),
  "account.trusted_devices.revoke_all": write("user", "user.trusted_device.revoke_all", audited),
  // A social-only account's first password: a new way in, after a fresh sign-in (provider or passkey).
  "account.password.set": write("user", "user.password.set_first", { stepUp: true, ...audited }),
  // Organizations (lib/actions/organization).
  "organization.ownership.transfer": write("member", "ownership.transfer", audited),
  // Webhook endpoints (lib/actions/webhooks): an organization's (owners, webhook permissions) or the platform's
  // (operators), decided by the scope in the input; secrets are shown once, at creation and rotation.
  "webhooks.endpoint.create": write("member", "webhook.endpoint.create", audited),
  "webhooks.endpoint.update": write("member", "webhook.endpoint.update", audited),
  "webhooks.endpoint.set_enabled": write("member", "webhook.endpoint.enable", audited),
  "webhooks.endpoint.rotate_secret": write("member", "webhook.endpoint.rotate_secret", { stepUp: true, ...audited }),
  "webhooks.endpoint.delete": write("member", "webhook.endpoint.delete", audited),
  "webhooks.delivery.replay": write("member", "webhook.delivery.replay", audited),
  // What an organization decides for itself (issue 16): its security policy, its domains, who joins, bulk invitations.
  "organization.policy.update": write("member", "organization.policy.update", audited),
  "organization.two_factor.remind": write("member", "organization.two_factor.remind", audited),
  "organization.domain.add": write("member", "domain.add", audited),
  "organization.domain.remove": write("member", "domain.remove", audited),
  "organization.domain.code_send": write("member", "domain.affiliation.code_send", audited),
  "organization.domain.code_verify": write("member", "domain.affiliation.verify", audited),
  "organization.domain.dns_verify": write("member", "domain.ownership.verify", audited),
  "organization.domain.join_mode": write("member", "domain.join_mode.update", audited),
  "organization.join_request.create": write("user", "join_request.create", audited),
  "organization.join_request.decide": write("member", "join_request.approve", audited),
  // A POST that reads: what a list of invitations would do (the dry run).
  "organization.invitations.bulk_preview": read("member", "invitation.bulk.preview"),
  "organization.invitations.bulk_send": write("member", "invitation.bulk", audited),
  "organization.invitation.change_role": write("member", "invitation.role.change", audited),
  // Organization API keys (lib/actions/api-keys): owners and the apiKey permissions; the key is shown once.
  "apikeys.create": write("member", "apikey.create", audited),
  "apikeys.revoke": write("member", "apikey.revoke", audited),
  // The provisioning API (app/api/v1), for organization API keys: every call audited with the key as actor.
  "api.v1.members.list": read("key", "member.list", { scope: "members:read", ...audited }),
  "api.v1.members.update": write("key", "member.role.update", { scope: "members:write", ...audited }),
  "api.v1.members.remove": write("key", "member.remove", { scope: "members:write", ...audited }),
  "api.v1.invitations.list": read("key", "invitation.list", { scope: "invitations:write", ...audited }),
  "api.v1.invitations.create": write("key", "invitation.create", { scope: "invitations:write", ...audited }),
  "api.v1.invitations.cancel": write("key", "invitation.cancel", { scope: "invitations:write", ...audited }),
  "api.v1.audit_events.list": read("key", "audit.read", { scope: "audit:read", ...audited }),
  // Route handlers (app/api): the better-auth mount is classified endpoint by endpoint above.
  "api.auth": read("anyone", "auth.handler"),
  "api.admin.audit_events": read("staff", "audit.read"),
  // The command palette's user search: the /admin/users search, a few names and addresses.
  "api.admin.users_search": read("staff", "user.list"),
  "api.admin.audit_export": read("staff", "audit.export", audited),
  "api.admin.users_export": read("staff", "users.export", audited),
  // 404 unless the worker runs with BENCH_INSTRUMENT=1 (npm run bench).
  "api.bench": read("anyone", "bench.read"),
} satisfies Record<string, Rule>;

export type ActionName = keyof typeof ACTIONS;

/** The rule of an endpoint: by path, or `server:<key>` for a server-only one; undefined when unclassified. */
export function endpointRule(path: string | undefined): Rule | undefined {
  return path === undefined ? undefined : Object.hasOwn(ENDPOINTS, path) ? ENDPOINTS[path] : undefined;
}

/** The audit action of an endpoint; `endpoint` for a path the registry does not know (endpoint-policy refuses those). */
export function auditActionOf(path: string | undefined): AuditBaseAction {
  return endpointRule(path)?.action ?? "endpoint";
}

/** Whether a request to this endpoint with this body needs a fresh sign-in. */
export function needsStepUp(rule: Rule | undefined, body: unknown): boolean {
  if (!rule) return false;
  if (typeof rule.stepUp === "boolean") return rule.stepUp;
  const record = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  return rule.stepUp(record as Record<string, unknown>);
}
