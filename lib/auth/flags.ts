import "server-only";
// The console's "can" flags, asked of the rules the endpoints enforce (lib/auth/rules.ts), never re-derived by hand:
// a page computes them on the server and hands the booleans to its client components, so the rules (and the
// registry they read) stay out of the browser. One's own account is managed on /account, not from the staff pages.
import { ERROR_MESSAGES } from "./errors";
import { canActOnUser, canManageMember, isOrgOwner, type MemberRef, type StaffAction, type UserRef } from "./rules";

const FLAGS = {
  ban: "ban",
  unban: "unban",
  setRole: "set-role",
  setPassword: "set-password",
  remove: "remove",
  revokeSessions: "revoke-sessions",
  listSessions: "list-sessions",
  impersonate: "impersonate",
  resetTwoFactor: "reset-two-factor",
  unlock: "unlock",
  updateEmail: "update-email",
  removePasskey: "remove-passkey",
} as const satisfies Record<string, StaffAction>;

export type StaffFlags = Record<keyof typeof FLAGS, boolean>;

/** What `viewer` may do to the user `target` from the staff pages. */
export function staffFlags(viewer: UserRef, target: UserRef): StaffFlags {
  const self = viewer.id === target.id;
  return Object.fromEntries(
    Object.entries(FLAGS).map(([flag, action]) => [flag, !self && canActOnUser(viewer, target, action).ok]),
  ) as StaffFlags;
}

/** The flags a users table's row menu needs, per row id; `whyNotImpersonate` is the refusal's words, or null. */
export type RowFlags = Record<
  string,
  Pick<StaffFlags, "ban" | "unban" | "revokeSessions" | "impersonate"> & { whyNotImpersonate: string | null }
>;

/** A menu's short words for the refusals of impersonation (the endpoint's own sentence is longer). */
const IMPERSONATION_REFUSALS: Record<string, string> = {
  CANNOT_ACT_ON_OPERATOR: "Operators cannot be impersonated.",
  YOU_CANNOT_IMPERSONATE_ADMINS: "Operators cannot be impersonated.",
  SUPPORT_CANNOT_ACT_ON_STAFF: "Support cannot impersonate staff.",
};

/** Why `viewer` may not impersonate `target`, for the row menu (null: they may). */
export function impersonationRefusal(viewer: UserRef, target: UserRef): string | null {
  if (viewer.id === target.id) return "This is you.";
  const verdict = canActOnUser(viewer, target, "impersonate");
  if (verdict.ok) return null;
  return IMPERSONATION_REFUSALS[verdict.code] ?? ERROR_MESSAGES[verdict.code] ?? "Not allowed.";
}

/**
 * The row menus' flags, asking the rules only what the menu offers (four of `staffFlags`' twelve, per row of the
 * page) and the impersonation verdict once for both its flag and its words.
 */
export function rowFlags(viewer: UserRef, rows: ReadonlyArray<UserRef>): RowFlags {
  return Object.fromEntries(
    rows.map((row) => {
      const may = (flag: "ban" | "unban" | "revokeSessions") =>
        viewer.id !== row.id && canActOnUser(viewer, row, FLAGS[flag]).ok;
      const whyNotImpersonate = impersonationRefusal(viewer, row);
      return [
        row.id,
        {
          ban: may("ban"),
          unban: may("unban"),
          revokeSessions: may("revokeSessions"),
          impersonate: whyNotImpersonate === null,
          whyNotImpersonate,
        },
      ];
    }),
  );
}

/** What a members table's row menu may offer, per member id. */
export type MemberFlags = Record<string, { changeRole: boolean; remove: boolean; transfer: boolean }>;

/**
 * `viewer` is the viewing member (id, roles, and what their roles grant on members, e.g. from the guard's
 * capabilities). Transferring ownership is an owner's, to a member who is not an owner yet.
 */
export function memberFlags(
  viewer: MemberRef & { may: { update: boolean; delete: boolean } },
  rows: ReadonlyArray<MemberRef & { id: string }>,
): MemberFlags {
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      {
        changeRole: canManageMember(viewer, row, "change-role").ok,
        remove: row.id !== viewer.id && canManageMember(viewer, row, "remove").ok,
        transfer: isOrgOwner(viewer.role) && row.id !== viewer.id && !isOrgOwner(row.role),
      },
    ]),
  );
}
