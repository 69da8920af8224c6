/**
 * Every change the console makes to an organization, in one place: one typed function per change, each calling
 * better-auth's browser client (loaded on first use, lib/auth/load-client.ts) and answering an ActionResult in the
 * console's words (`fromAuth`, one table: lib/auth/errors.ts). Forms run them through `useActionForm`, confirmations
 * through `ConfirmAction`; no component calls `authClient.organization.*` itself.
 *
 * The path of a change, e.g. "change a member's role":
 *   page          app/(console)/org/[slug]/members/page.tsx (requireOrg: who sees which action)
 *   → component   members/_components/member-actions.tsx (the menu) → change-role-form.tsx (the dialog's form)
 *   → this module updateMemberRole
 *   → endpoint    POST /api/auth/organization/update-member-role (better-auth checks member:update)
 *     + our rule  lib/auth/plugins/organization-policy.ts (nobody grants permissions they do not hold, nobody but an
 *                 owner changes their own role, the audit row); who may call which endpoint: lib/auth/registry.ts
 *   → query       db/queries/members.ts (membersPageRead reads it back after `router.refresh()`)
 *   → test        this module's words: writes.test.ts; the rule: lib/auth/plugins/organization-policy.test.ts;
 *                 the whole path: e2e/organizations.spec.ts
 * "Create a team": teams/page.tsx → teams/_components/team-name-dialog.tsx → team-name-form.tsx → createTeam →
 * /organization/create-team + organization-policy (the name rule) and the team limit (lib/auth/org-limits.ts) →
 * db/queries/teams.ts → e2e/organizations.spec.ts, e2e/organization-limits.spec.ts. The others, by area:
 *   organization  create/update/delete: organization-policy (field rules, owner-only delete), db/queries/organizations.ts
 *   invitations   invite/resend/cancel: organization-policy (grant check, rate limits), db/queries/invitations.ts
 *   members       remove/leave: better-auth and lib/auth/keep-an-owner.ts (an owner stays), db/queries/members.ts
 *   roles         create/update/delete: organization-policy (held roles), db/queries/roles.ts
 *   ownership     transfer: our server action (lib/actions/organization/transfer-ownership.ts), one D1 batch
 * What an organization API key changes (the provisioning API, app/api/v1) is in ./provisioning/, on the server: the
 * same rules, decided for the key's creator, each change in one D1 batch with its audit row.
 */

import { fromAuth } from "@/lib/actions/from-auth";
import { transferOwnershipAction } from "@/lib/actions/organization/transfer-ownership";
import type { ActionResult } from "@/lib/actions/result";
import type { AuthClientError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import type { PermissionSet } from "@/lib/auth/permission-matrix";

/** Starts loading better-auth's client when a change is likely (a menu or a confirmation opens). */
export const preloadOrganizationWrites: () => void = preloadAuthClient;

interface Named {
  id: string;
  name: string;
}

/** better-auth's answer as a result without its data: what changed comes back through `router.refresh()`. */
async function settled(
  response: { data: unknown; error: AuthClientError | null },
  message = "",
): Promise<ActionResult> {
  const result = await fromAuth(response, message);
  return result.ok ? { ok: true, message: result.message } : result;
}

/** A role name as better-auth's client types it: custom role names are valid too, and better-auth checks them. */
type RoleName = "member";

// Organization

export async function createOrganization(values: { name: string; slug: string }) {
  const authClient = await loadAuthClient();
  const { data, error } = await authClient.organization.create({ name: values.name, slug: values.slug });
  // Its slug, for the page to go to next.
  const created = data ? { name: data.name, slug: data.slug } : null;
  return fromAuth({ data: created, error }, `Created ${created?.name ?? values.name}`);
}

/** Whether a slug is free (the one read of this module: the create form checks as one types). */
export async function slugAvailability(slug: string): Promise<"available" | "taken" | "unknown"> {
  const authClient = await loadAuthClient();
  const { data, error } = await authClient.organization.checkSlug({ slug });
  if (data?.status) return "available";
  return error?.code === "ORGANIZATION_SLUG_ALREADY_TAKEN" ? "taken" : "unknown";
}

export async function updateOrganization(organizationId: string, values: { name: string; slug: string; logo: string }) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.update({
    organizationId,
    data: { name: values.name, slug: values.slug, logo: values.logo === "" ? undefined : values.logo },
  });
  return settled(response, "Organization saved");
}

/** Owner only (organization-policy); the caller leaves the page afterwards, so no message. */
export async function deleteOrganization(organizationId: string) {
  const authClient = await loadAuthClient();
  return settled(await authClient.organization.delete({ organizationId }));
}

/** better-auth refuses the last owner with a message saying what to do; no message (the caller leaves the page). */
export async function leaveOrganization(organizationId: string) {
  const authClient = await loadAuthClient();
  return settled(await authClient.organization.leave({ organizationId }));
}

/** The organization the session works in (remembered for the next sign-in by organization-policy). */
export async function setActiveOrganization(organizationId: string) {
  const authClient = await loadAuthClient();
  return settled(await authClient.organization.setActive({ organizationId }));
}

// Invitations

export interface InviteOutcome {
  sent: number;
  failed: Array<{ email: string; message: string }>;
}

/**
 * One better-auth invitation (which mails the link) per address. Always ok: the addresses that failed come back with
 * the reason for each; the message counts those sent (empty when none was).
 */
export async function inviteMembers(input: {
  organizationId: string;
  emails: readonly string[];
  role: string;
  teamId?: string | undefined;
}): Promise<ActionResult<InviteOutcome>> {
  const authClient = await loadAuthClient();
  const outcome: InviteOutcome = { sent: 0, failed: [] };
  for (const email of input.emails) {
    const result = await fromAuth(
      await authClient.organization.inviteMember({
        email,
        role: input.role as RoleName,
        organizationId: input.organizationId,
        ...(input.teamId ? { teamId: input.teamId } : {}),
      }),
    );
    if (result.ok) outcome.sent += 1;
    else outcome.failed.push({ email, message: result.error });
  }
  const message = outcome.sent === 0 ? "" : outcome.sent === 1 ? "Invitation sent" : `${outcome.sent} invitations sent`;
  return { ok: true, message, data: outcome };
}

/** A fresh expiry and a new mail, with the invitation's own role. */
export async function resendInvitation(
  organizationId: string,
  invitation: { id: string; email: string; role: string; expiresAt: Date },
) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.inviteMember({
    email: invitation.email,
    role: invitation.role as RoleName,
    organizationId,
    resend: true,
  });
  if (!response.error && invitation.expiresAt.getTime() <= Date.now()) {
    // better-auth issues a new invitation for an expired one; the old link is retired.
    await authClient.organization.cancelInvitation({ invitationId: invitation.id });
  }
  return settled(response, `Invitation resent to ${invitation.email}`);
}

export async function cancelInvitation(invitation: { id: string; email: string }) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.cancelInvitation({ invitationId: invitation.id });
  return settled(response, `Invitation to ${invitation.email} cancelled`);
}

// Members

export async function removeMember(organizationId: string, member: Named) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.removeMember({ memberIdOrEmail: member.id, organizationId });
  return settled(response, `${member.name} was removed from the organization`);
}

export async function updateMemberRole(organizationId: string, member: Named, role: string) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.updateMemberRole({
    memberId: member.id,
    role: role as RoleName,
    organizationId,
  });
  return settled(response, `${member.name} is now ${role}`);
}

/** The member becomes the owner and the caller an admin, in one step (our server action, not better-auth's). */
export async function transferOwnership(slug: string, member: Named): Promise<ActionResult> {
  const result = await transferOwnershipAction({ slug, memberId: member.id });
  return result.ok ? { ok: true, message: `${member.name} is now the owner; you are an admin` } : result;
}

// Teams

export async function createTeam(organizationId: string, name: string) {
  const authClient = await loadAuthClient();
  return settled(await authClient.organization.createTeam({ name, organizationId }), `Team ${name} created`);
}

export async function renameTeam(organizationId: string, team: { id: string }, name: string) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.updateTeam({ teamId: team.id, data: { name, organizationId } });
  return settled(response, `Team renamed to ${name}`);
}

export async function deleteTeam(organizationId: string, team: Named) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.removeTeam({ teamId: team.id, organizationId });
  return settled(response, `Team ${team.name} deleted`);
}

export async function addTeamMember(organizationId: string, teamId: string, person: { userId: string; name: string }) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.addTeamMember({ teamId, userId: person.userId, organizationId });
  return settled(response, `${person.name} added to the team`);
}

export async function removeTeamMember(
  organizationId: string,
  teamId: string,
  person: { userId: string; name: string },
) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.removeTeamMember({ teamId, userId: person.userId, organizationId });
  return settled(response, `${person.name} removed from the team`);
}

// Custom roles

/** Only the resources with at least one action ticked; null when nothing is. */
function granted(permission: PermissionSet): PermissionSet | null {
  const entries = Object.entries(permission).filter(([, actions]) => actions.length > 0);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

const NOTHING_TICKED: ActionResult<never> = {
  ok: false,
  error: "Tick at least one permission.",
  code: "NO_PERMISSION",
};

export async function createRole(organizationId: string, name: string, permission: PermissionSet) {
  const clean = granted(permission);
  if (!clean) return NOTHING_TICKED;
  const authClient = await loadAuthClient();
  const response = await authClient.organization.createRole({ role: name, permission: clean, organizationId });
  return settled(response, `Role ${name} created`);
}

/** A role's permissions (its name stays: members hold it by name). */
export async function updateRolePermissions(organizationId: string, role: Named, permission: PermissionSet) {
  const clean = granted(permission);
  if (!clean) return NOTHING_TICKED;
  const authClient = await loadAuthClient();
  const response = await authClient.organization.updateRole({
    roleId: role.id,
    organizationId,
    data: { permission: clean },
  });
  return settled(response, `Role ${role.name} saved`);
}

export async function deleteRole(organizationId: string, role: Named) {
  const authClient = await loadAuthClient();
  const response = await authClient.organization.deleteRole({ roleId: role.id, organizationId });
  return settled(response, `Role ${role.name} deleted`);
}
