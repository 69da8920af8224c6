import { createAccessControl } from "better-auth/plugins/access";
import {
  adminAc as platformAdminAc,
  defaultStatements as platformStatements,
  userAc,
} from "better-auth/plugins/admin/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

export { BUILT_IN_ORG_ROLES, type BuiltInOrgRole, parseRoleList } from "./roles";

/**
 * Organization resources × actions; custom roles (dynamic access control) pick from these. `audit` is ours: reading
 * the organization's audit log.
 */
export const orgStatements = { ...defaultStatements, audit: ["read"] } as const;
export const orgAc = createAccessControl(orgStatements);
export const orgRoles = {
  owner: orgAc.newRole({ ...ownerAc.statements, audit: ["read"] }),
  admin: orgAc.newRole({ ...adminAc.statements, audit: ["read"] }),
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
  updateMembers: { member: ["update"] },
  removeMembers: { member: ["delete"] },
  createTeams: { team: ["create"] },
  updateTeams: { team: ["update"] },
  deleteTeams: { team: ["delete"] },
  updateRoles: { ac: ["update"] },
  deleteRoles: { ac: ["delete"] },
  cancelInvitations: { invitation: ["cancel"] },
} as const satisfies Record<string, OrgPermissions>;

export type OrgArea = keyof typeof ORG_AREA_PERMISSIONS;
export type OrgCapabilities = Record<OrgArea, boolean> & { owner: boolean };

/** Platform (operator) resources × actions, enforced by the admin plugin on its HTTP endpoints. */
export const platformAc = createAccessControl(platformStatements);
export const platformRoles = {
  admin: platformAc.newRole(platformAdminAc.statements),
  user: platformAc.newRole(userAc.statements),
};
