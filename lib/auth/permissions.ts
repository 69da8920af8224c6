import { createAccessControl } from "better-auth/plugins/access";
import {
  adminAc as platformAdminAc,
  defaultStatements as platformStatements,
  userAc,
} from "better-auth/plugins/admin/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";

/** Organization resources × actions; custom roles (dynamic access control) pick from these. */
export const orgStatements = { ...defaultStatements } as const;
export const orgAc = createAccessControl(orgStatements);
export const orgRoles = {
  owner: orgAc.newRole(ownerAc.statements),
  admin: orgAc.newRole(adminAc.statements),
  member: orgAc.newRole(memberAc.statements),
};

/** Platform (operator) resources × actions, enforced by the admin plugin on its HTTP endpoints. */
export const platformAc = createAccessControl(platformStatements);
export const platformRoles = {
  admin: platformAc.newRole(platformAdminAc.statements),
  user: platformAc.newRole(userAc.statements),
};
