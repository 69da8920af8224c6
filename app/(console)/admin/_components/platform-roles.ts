/** The platform roles an operator can give, in the console's words ("admin" is an operator). */
export const PLATFORM_ROLES = [
  { value: "user", label: "User" },
  { value: "support", label: "Support" },
  { value: "admin", label: "Operator" },
] as const;

export type PlatformRole = (typeof PLATFORM_ROLES)[number]["value"];

/** A role's words; an unknown role shows as it is stored. */
export function platformRoleLabel(role: string): string {
  return PLATFORM_ROLES.find((known) => known.value === role)?.label ?? role;
}
