// What an organization API key may be given (its scopes), and what its creator must hold in the organization for each:
// at creation (nobody grants a key more than they hold) and at every call (a key never does more than its creator
// may do now). No runtime imports: the key form reads it in the browser.

/** The scopes a key can hold, in the order the form lists them. */
export const API_KEY_SCOPES = ["members:read", "members:write", "invitations:write", "audit:read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The form's words for each scope. */
export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, { label: string; description: string }> = {
  "members:read": { label: "Read members", description: "List members with their roles and teams." },
  "members:write": { label: "Manage members", description: "Change members' roles and remove members." },
  "invitations:write": { label: "Manage invitations", description: "List, send and cancel invitations." },
  "audit:read": { label: "Read the audit log", description: "Page through the organization's audit events." },
};

/**
 * The organization permissions (better-auth's access control) the creator must hold for each scope. Reading members
 * needs membership only, as in the console; the others are the permissions of the console's own controls.
 */
export const API_KEY_SCOPE_PERMISSIONS: Record<ApiKeyScope, Record<string, string[]>> = {
  "members:read": {},
  "members:write": { member: ["update", "delete"] },
  "invitations:write": { invitation: ["create", "cancel"] },
  "audit:read": { audit: ["read"] },
};

/** Scopes as better-auth's api-key plugin stores a key's permissions: `{ members: ["read", "write"], … }`. */
export function scopesToKeyPermissions(scopes: readonly ApiKeyScope[]): Record<string, string[]> {
  const permissions: Record<string, string[]> = {};
  for (const scope of scopes) {
    const [resource, action] = scope.split(":") as [string, string];
    permissions[resource] = [...(permissions[resource] ?? []), action].filter((a, i, all) => all.indexOf(a) === i);
  }
  return permissions;
}

/** A key's stored permissions back as the scopes they stand for (anything else is ignored). */
export function keyPermissionsToScopes(permissions: Record<string, unknown> | null | undefined): ApiKeyScope[] {
  if (!permissions) return [];
  return API_KEY_SCOPES.filter((scope) => {
    const [resource, action] = scope.split(":") as [string, string];
    const actions = permissions[resource];
    return Array.isArray(actions) && actions.includes(action);
  });
}

/** Every key's token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_KEY_PREFIX = "gatehouse_";
