import { createAccessControl } from "better-auth/plugins/access";
import {
  defaultStatements as adminPluginStatements,
  adminAc as platformAdminAc,
  userAc,
} from "better-auth/plugins/admin/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

export { BUILT_IN_ORG_ROLES, type BuiltInOrgRole, parseRoleList } from "./roles";

/**
 * Organization resources × actions; custom roles (dynamic access control) pick from these. `audit`, `webhook`,
 * `apiKey`, `policy` and `domain` are ours: reading the organization's audit log, its webhook endpoints and its API
 * keys (owners hold every webhook and API key permission; a custom role can be given them; `apiKey` is the resource
 * better-auth's api-key plugin checks for organization keys), changing its security policy (owners), managing its
 * verified domains and their join modes (owners and admins).
 */
export const orgStatements = {
  ...defaultStatements,
  audit: ["read"],
  webhook: ["create", "read", "update", "delete"],
  apiKey: ["create", "read", "delete"],
  policy: ["update"],
  domain: ["update"],
} as const;
export const orgAc = createAccessControl(orgStatements);
export const orgRoles = {
  owner: orgAc.newRole({
    ...ownerAc.statements,
    audit: ["read"],
    webhook: ["create", "read", "update", "delete"],
    apiKey: ["create", "read", "delete"],
    policy: ["update"],
    domain: ["update"],
  }),
  admin: orgAc.newRole({ ...adminAc.statements, audit: ["read"], domain: ["update"] }),
  member: orgAc.newRole({ ...memberAc.statements }),
};

/** The access-control part of the organization plugin's options, shared with the guard's permission checks. */
export const orgAccessControl = {
  ac: orgAc,
  roles: orgRoles,
  creatorRole: "owner",
  dynamicAccessControl: { enabled: true },
} as const;

export type OrgResource = keyof typeof orgStatements;
/** A set of organization permissions, e.g. `{ member: ["update"] }`. */
export type OrgPermissions = { [R in OrgResource]?: ReadonlyArray<(typeof orgStatements)[R][number]> };

/** What each management area of an organization requires; plain members hold none of these. */
export const ORG_AREA_PERMISSIONS = {
  settings: { organization: ["update"] },
  invitations: { invitation: ["create"] },
  roles: { ac: ["create"] },
  audit: { audit: ["read"] },
  security: { policy: ["update"] },
  domains: { domain: ["update"] },
  updateMembers: { member: ["update"] },
  removeMembers: { member: ["delete"] },
  createTeams: { team: ["create"] },
  updateTeams: { team: ["update"] },
  deleteTeams: { team: ["delete"] },
  updateRoles: { ac: ["update"] },
  deleteRoles: { ac: ["delete"] },
  cancelInvitations: { invitation: ["cancel"] },
  webhooks: { webhook: ["read"] },
  apiKeys: { apiKey: ["read"] },
} as const satisfies Record<string, OrgPermissions>;

export type OrgArea = keyof typeof ORG_AREA_PERMISSIONS;
export type OrgCapabilities = Record<OrgArea, boolean> & { owner: boolean };

/**
 * Platform (operator) resources × actions, enforced by the admin plugin on its HTTP endpoints (and by our
 * operator-policy plugin for the two-factor reset it adds).
 */
export const platformStatements = { ...adminPluginStatements, "two-factor": ["reset"] } as const;
export const platformAc = createAccessControl(platformStatements);

/** The platform roles, from most to least powerful. */
export const PLATFORM_ROLES = ["admin", "support", "user"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const platformRoles = {
  /** Operators: everything the admin plugin offers (never `impersonate-admins`), plus resetting two-factor. */
  admin: platformAc.newRole({ ...platformAdminAc.statements, "two-factor": ["reset"] }),
  /** Support staff: look, revoke sessions and impersonate; no ban, role, password, email or delete changes. */
  support: platformAc.newRole({ user: ["list", "get", "impersonate"], session: ["list", "revoke"] }),
  user: platformAc.newRole(userAc.statements),
};

/** Whether any of the (comma-separated) roles grants these permissions, as the admin plugin decides it. */
export function platformRoleAllows(
  role: string | null | undefined,
  permissions: { [K in keyof typeof platformStatements]?: Array<(typeof platformStatements)[K][number]> },
): boolean {
  return (role || "user")
    .split(",")
    .map((r) => r.trim())
    .some((r) => {
      const acRole = (platformRoles as Record<string, (typeof platformRoles)[PlatformRole] | undefined>)[r];
      return acRole?.authorize(permissions).success ?? false;
    });
}

/** Operators and support staff: who may open the admin area. */
export function isStaffRole(role: string | null | undefined): boolean {
  return hasPlatformRole(role, "admin") || hasPlatformRole(role, "support");
}

/** Whether a (comma-separated) role string includes this role. */
export function hasPlatformRole(role: string | null | undefined, wanted: PlatformRole): boolean {
  return (role ?? "")
    .split(",")
    .map((r) => r.trim())
    .includes(wanted);
}

/**
 * Whether a staff member may list and end a user's sessions: operators anyone's, support only those of people who
 * are not staff (and their own). The rule behind SUPPORT_CANNOT_ACT_ON_STAFF (registry `staffForSupport`), for pages.
 */
export function staffMaySeeSessionsOf(
  viewer: { id: string; role?: string | null },
  target: { id: string; role?: string | null },
): boolean {
  if (hasPlatformRole(viewer.role, "admin") || viewer.id === target.id) return true;
  return isStaffRole(viewer.role) && !isStaffRole(target.role);
}
