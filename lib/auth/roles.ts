// Role names and lists, free of access-control code so client components can use them cheaply.

/** The built-in organization roles; every other role name is a custom role stored per organization. */
export const BUILT_IN_ORG_ROLES = ["owner", "admin", "member"] as const;
export type BuiltInOrgRole = (typeof BUILT_IN_ORG_ROLES)[number];

/** Roles are stored as a comma-separated list (better-auth); this splits one. */
export function parseRoleList(role: string | null | undefined): string[] {
  return (role ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
}
