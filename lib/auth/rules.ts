// Who may do what to whom, once, as pure predicates: the plugins enforce them (plugins/operator-policy.ts, the
// organization policy) and the console's pages can ask them for their flags, so a button and the endpoint behind it
// never disagree. Each verdict names the refusal with the code the endpoint answers (rules.test.ts runs every role
// against every role and action through the real better-auth and expects the same verdict). Roles are comma lists
// ("support,user"), read with the helpers of permissions.ts, which ignore spaces around the commas.
import {
  hasPlatformRole,
  isStaffRole,
  orgAccessControl,
  orgRoles,
  parseRoleList,
  platformRoleAllows,
} from "./permissions";
import { ENDPOINTS, type StaffTarget } from "./registry";

export type RefusalStatus = "BAD_REQUEST" | "FORBIDDEN" | "UNAUTHORIZED";
export type Refusal<C extends string, S extends RefusalStatus = RefusalStatus> = { ok: false; code: C; status: S };
export type Verdict<C extends string, S extends RefusalStatus = RefusalStatus> = { ok: true } | Refusal<C, S>;

const OK = { ok: true } as const;

function refuse<C extends string, S extends RefusalStatus = "FORBIDDEN">(code: C, status?: S): Refusal<C, S> {
  return { ok: false, code, status: status ?? ("FORBIDDEN" as S) };
}

// ─── Staff on users ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Each staff action on a user, by the endpoint that does it. `update-user` changes the name or the picture;
 * `update-email` is the same endpoint changing the address or its verification (the way the account signs in).
 */
export const STAFF_ACTIONS = {
  ban: "/admin/ban-user",
  unban: "/admin/unban-user",
  "set-role": "/admin/set-role",
  "set-password": "/admin/set-user-password",
  remove: "/admin/remove-user",
  "revoke-session": "/admin/revoke-user-session",
  "revoke-sessions": "/admin/revoke-user-sessions",
  "list-sessions": "/admin/list-user-sessions",
  impersonate: "/admin/impersonate-user",
  "update-user": "/admin/update-user",
  "update-email": "/admin/update-user",
  "reset-two-factor": "/admin/reset-two-factor",
  unlock: "/admin/unlock-user",
  "remove-passkey": "/admin/remove-user-passkey",
} as const;
export type StaffAction = keyof typeof STAFF_ACTIONS;

/** The fields of /admin/update-user that move or unlock the way an account signs in. */
export const SIGN_IN_FIELDS = ["email", "emailVerified"] as const;

/** The staff action a request to an admin endpoint is (null when the endpoint acts on no user). */
export function staffActionFor(path: string, data: Record<string, unknown> = {}): StaffAction | null {
  if (path === STAFF_ACTIONS["update-user"]) {
    return SIGN_IN_FIELDS.some((key) => key in data) ? "update-email" : "update-user";
  }
  const entry = Object.entries(STAFF_ACTIONS).find(([, endpoint]) => endpoint === path);
  return entry ? (entry[0] as StaffAction) : null;
}

export interface UserRef {
  id: string;
  /** The platform role(s), a comma list; none is a plain user. */
  role?: string | null;
}

/** The refusals of the operator policy itself (plugins/operator-policy.ts throws exactly these, before better-auth). */
export type OperatorPolicyCode = "CANNOT_CHANGE_OWN_ROLE" | "CANNOT_ACT_ON_OPERATOR" | "SUPPORT_CANNOT_ACT_ON_STAFF";

/** The refusals of the endpoints themselves (better-auth's admin plugin, and our two-factor reset and unlock). */
export type StaffEndpointCode =
  | "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS"
  | "YOU_CANNOT_BAN_YOURSELF"
  | "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE"
  | "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD"
  | "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS"
  | "YOU_CANNOT_REMOVE_YOURSELF"
  | "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS"
  | "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS"
  | "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS"
  | "YOU_CANNOT_IMPERSONATE_ADMINS"
  | "YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS"
  | "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL"
  | "NOT_ALLOWED_TO_RESET_TWO_FACTOR"
  | "NOT_ALLOWED_TO_UNLOCK"
  | "NOT_ALLOWED_TO_REMOVE_PASSKEYS";

type PlatformPermissions = Parameters<typeof platformRoleAllows>[1];

/** What each endpoint requires of the caller's roles, in the order it checks, and its refusal. */
const REQUIRES: Record<Exclude<StaffAction, "unlock">, Array<[PlatformPermissions, StaffEndpointCode]>> = {
  ban: [[{ user: ["ban"] }, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS"]],
  unban: [[{ user: ["ban"] }, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS"]],
  "set-role": [[{ user: ["set-role"] }, "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE"]],
  "set-password": [[{ user: ["set-password"] }, "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD"]],
  remove: [[{ user: ["delete"] }, "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS"]],
  "revoke-session": [[{ session: ["revoke"] }, "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS"]],
  "revoke-sessions": [[{ session: ["revoke"] }, "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS"]],
  "list-sessions": [[{ session: ["list"] }, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS"]],
  impersonate: [[{ user: ["impersonate"] }, "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS"]],
  "update-user": [[{ user: ["update"] }, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS"]],
  "update-email": [
    [{ user: ["update"] }, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS"],
    [{ user: ["set-email"] }, "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL"],
  ],
  "reset-two-factor": [[{ "two-factor": ["reset"] }, "NOT_ALLOWED_TO_RESET_TWO_FACTOR"]],
  "remove-passkey": [[{ "two-factor": ["reset"] }, "NOT_ALLOWED_TO_REMOVE_PASSKEYS"]],
};

/** Who a staff action may be about, from the registry (`target` of its endpoint). */
function targetRule(action: StaffAction): StaffTarget {
  const target = ENDPOINTS[STAFF_ACTIONS[action]]?.target;
  if (!target) throw new Error(`The registry gives ${STAFF_ACTIONS[action]} no target.`);
  return target;
}

/**
 * The operator policy's rules on whom staff act on: nobody changes their own role; no operator acts on another
 * operator where the registry says `operators: "refuse"`, nor changes an operator's address or verification (their
 * own included: that goes through their profile, confirmed by mail); support stays away from other staff where it
 * says `staffForSupport: "refuse"`. Callers who are not staff pass: the endpoint refuses them itself.
 */
export function operatorPolicyVerdict(
  viewer: UserRef,
  target: UserRef,
  action: StaffAction,
): Verdict<OperatorPolicyCode, "FORBIDDEN"> {
  if (!isStaffRole(viewer.role)) return OK;
  const rule = targetRule(action);
  const self = viewer.id === target.id;
  if (action === "set-role" && self) return refuse("CANNOT_CHANGE_OWN_ROLE");
  const onOperator = hasPlatformRole(target.role, "admin");
  if (!self && onOperator && rule.operators === "refuse") return refuse("CANNOT_ACT_ON_OPERATOR");
  if (action === "update-email" && onOperator) return refuse("CANNOT_ACT_ON_OPERATOR");
  const supportOnly = !hasPlatformRole(viewer.role, "admin");
  if (supportOnly && !self && isStaffRole(target.role) && rule.staffForSupport === "refuse") {
    return refuse("SUPPORT_CANNOT_ACT_ON_STAFF");
  }
  return OK;
}

/**
 * What the endpoint itself then decides from the roles: the permission it requires (the admin plugin's access
 * control, our two-factor reset's, operators only for unlock), no ban or removal of oneself, and no impersonation of
 * an operator (no role holds `impersonate-admins`).
 */
export function staffEndpointVerdict(
  viewer: UserRef,
  target: UserRef,
  action: StaffAction,
): Verdict<StaffEndpointCode> {
  if (action === "unlock") return hasPlatformRole(viewer.role, "admin") ? OK : refuse("NOT_ALLOWED_TO_UNLOCK");
  for (const [permissions, code] of REQUIRES[action]) {
    if (!platformRoleAllows(viewer.role, permissions)) return refuse(code);
  }
  const self = viewer.id === target.id;
  if (action === "ban" && self) return refuse("YOU_CANNOT_BAN_YOURSELF", "BAD_REQUEST");
  if (action === "remove" && self) return refuse("YOU_CANNOT_REMOVE_YOURSELF", "BAD_REQUEST");
  if (
    action === "impersonate" &&
    hasPlatformRole(target.role, "admin") &&
    !platformRoleAllows(viewer.role, { user: ["impersonate-admins"] })
  ) {
    return refuse("YOU_CANNOT_IMPERSONATE_ADMINS");
  }
  return OK;
}

/**
 * Whether `viewer` may do `action` to the user `target`, as the endpoint will answer it: the operator policy first,
 * then the endpoint's own checks. Input checks (reasons, fields, passwords) and missing users are not part of it.
 */
export function canActOnUser(
  viewer: UserRef,
  target: UserRef,
  action: StaffAction,
): Verdict<OperatorPolicyCode | StaffEndpointCode> {
  const policy = operatorPolicyVerdict(viewer, target, action);
  return policy.ok ? staffEndpointVerdict(viewer, target, action) : policy;
}

// ─── Members of an organization ───────────────────────────────────────────────────────────────────────────────────

export type MemberAction = "remove" | "change-role";

export interface MemberRef {
  /** Member ids (or user ids, the same kind for viewer and target): the same id is oneself. */
  id?: string;
  /** The organization role(s), a comma list. */
  role: string | null | undefined;
}

export interface MemberViewer extends MemberRef {
  /**
   * What the viewer's roles grant on members (`member: ["update"]`, `member: ["delete"]`), e.g. from
   * `memberCapabilities` (updateMembers, removeMembers). Needed for custom roles; built-in ones are known here.
   */
  may?: { update: boolean; delete: boolean };
}

/** The refusal of the organization policy itself (plugins/organization-roles.ts throws it, before better-auth). */
export type MemberPolicyCode = "YOU_CANNOT_CHANGE_YOUR_OWN_ROLE";
/** better-auth's refusals (its organization plugin's remove-member and update-member-role). */
export type MemberEndpointCode =
  | "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER"
  | "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER"
  | "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER";

/** Whether a role list holds the owner role (better-auth's creator role). */
export function isOrgOwner(role: string | null | undefined): boolean {
  return parseRoleList(role).includes(orgAccessControl.creatorRole);
}

function builtInMay(role: string | null | undefined, action: "update" | "delete"): boolean {
  return parseRoleList(role).some(
    (name) => orgRoles[name as keyof typeof orgRoles]?.authorize({ member: [action] }).success ?? false,
  );
}

/** The organization policy's rule on members: nobody but an owner changes their own role. */
export function memberPolicyVerdict(
  viewer: MemberRef,
  target: MemberRef,
  action: MemberAction,
): Verdict<MemberPolicyCode, "FORBIDDEN"> {
  const self = viewer.id !== undefined && viewer.id === target.id;
  if (action === "change-role" && self && !isOrgOwner(viewer.role)) return refuse("YOU_CANNOT_CHANGE_YOUR_OWN_ROLE");
  return OK;
}

/**
 * Whether `viewer` may remove `target` from the organization, or change their role, as better-auth and the policy
 * answer it: an owner is removed or re-roled by owners only, nobody but an owner changes their own role, and the
 * viewer's roles must grant `member: ["delete"]` (remove) or `member: ["update"]` (change, always for owners). Not
 * part of it: which roles the viewer may hand out (the grant rule, organization-roles.ts, needs the roles'
 * definitions) and the last owner (the organization's state: better-auth and keep-an-owner.ts refuse it).
 */
export function canManageMember(
  viewer: MemberViewer,
  target: MemberRef,
  action: MemberAction,
): Verdict<MemberPolicyCode | MemberEndpointCode> {
  const policy = memberPolicyVerdict(viewer, target, action);
  if (!policy.ok) return policy;
  const owner = isOrgOwner(viewer.role);
  if (action === "remove") {
    if (isOrgOwner(target.role) && !owner) {
      return refuse("YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER", "BAD_REQUEST");
    }
    const may = viewer.may?.delete ?? builtInMay(viewer.role, "delete");
    return may ? OK : refuse("YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER", "UNAUTHORIZED");
  }
  if (isOrgOwner(target.role) && !owner) return refuse("YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
  const may = owner || (viewer.may?.update ?? builtInMay(viewer.role, "update"));
  return may ? OK : refuse("YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
}
