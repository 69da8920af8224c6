/** Per-organization limits, from the environment (.dev.vars locally, vars/secrets in production). */
export interface OrgLimitSettings {
  ORG_MAX_MEMBERS?: string | number;
  ORG_MAX_PENDING_INVITATIONS?: string | number;
  ORG_MAX_TEAMS?: string | number;
  ORG_MAX_PER_USER?: string | number;
}

export interface OrgLimits {
  members: number;
  pendingInvitations: number;
  teams: number;
  /** Organizations one user may own or belong to when creating another (better-auth's organizationLimit). */
  perUser: number;
}

/** How long an invitation stays valid (better-auth's invitationExpiresIn, and bulk invitations alike). */
export const INVITATION_EXPIRES_IN_SECONDS = 60 * 60 * 48;

export const DEFAULT_ORG_LIMITS: OrgLimits = { members: 100, pendingInvitations: 50, teams: 25, perUser: 25 };

function positiveInt(value: string | number | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = typeof value === "number" ? value : Number(value.trim());
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Reads the limits; a missing or invalid value falls back to its default. */
export function orgLimits(settings: OrgLimitSettings): OrgLimits {
  return {
    members: positiveInt(settings.ORG_MAX_MEMBERS, DEFAULT_ORG_LIMITS.members),
    pendingInvitations: positiveInt(settings.ORG_MAX_PENDING_INVITATIONS, DEFAULT_ORG_LIMITS.pendingInvitations),
    teams: positiveInt(settings.ORG_MAX_TEAMS, DEFAULT_ORG_LIMITS.teams),
    perUser: positiveInt(settings.ORG_MAX_PER_USER, DEFAULT_ORG_LIMITS.perUser),
  };
}
