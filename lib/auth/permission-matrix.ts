// The organization permission matrix as screens show it, without access-control code (client components use it).
// lib/auth/permission-matrix.test.ts keeps it equal to `orgStatements`.

/** Resource → actions, e.g. `{ invitation: ["create"] }`. */
export type PermissionSet = Record<string, string[]>;

export const ORG_PERMISSION_MATRIX = {
  resources: [
    { resource: "organization", label: "Organization", actions: ["update", "delete"] },
    { resource: "member", label: "Members", actions: ["create", "update", "delete"] },
    { resource: "invitation", label: "Invitations", actions: ["create", "cancel"] },
    { resource: "team", label: "Teams", actions: ["create", "update", "delete"] },
    { resource: "ac", label: "Roles", actions: ["create", "read", "update", "delete"] },
    { resource: "audit", label: "Audit log", actions: ["read"] },
    { resource: "webhook", label: "Webhooks", actions: ["create", "read", "update", "delete"] },
    { resource: "policy", label: "Security policy", actions: ["update"] },
    { resource: "domain", label: "Domains", actions: ["update"] },
    { resource: "apiKey", label: "API keys", actions: ["create", "read", "delete"] },
  ],
  actions: ["create", "read", "update", "delete", "cancel"],
} as const satisfies {
  resources: ReadonlyArray<{ resource: string; label: string; actions: readonly string[] }>;
  actions: readonly string[];
};

/** "Invitations: create · Teams: create, update" (or "No permissions"). */
export function describePermissions(set: PermissionSet): string {
  const parts = ORG_PERMISSION_MATRIX.resources
    .map(({ resource, label }) => {
      const actions = set[resource] ?? [];
      return actions.length > 0 ? `${label}: ${actions.join(", ")}` : null;
    })
    .filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(" · ") : "No permissions";
}

/** Whether a set grants nothing. */
export function isEmptyPermissionSet(set: PermissionSet): boolean {
  return Object.values(set).every((actions) => actions.length === 0);
}
