// The audit row each audited organization endpoint leaves (organization policy); the registry names its action.
import type { AuditBaseAction, AuditEntry } from "@/lib/audit";
import { type HookContext, obj, type Row, str } from "./organization-shared";

export interface AuditSource {
  ctx: HookContext;
  returned: Row;
  body: Row;
  saved: Row;
  activeOrganizationId: string | undefined;
}

/** The row's fields; `action` defaults to the endpoint's audit action in the registry. */
export type AuditBuilder = (
  source: AuditSource,
) => (Omit<AuditEntry, "action" | "actorUserId" | "ip" | "userAgent"> & { action?: AuditBaseAction }) | null;

const orgOf = (s: AuditSource, ...candidates: unknown[]) =>
  candidates.map(str).find(Boolean) ?? str(s.body.organizationId) ?? s.activeOrganizationId ?? null;

/** The audit row each audited organization endpoint of the registry leaves (a unit test checks none is missing). */
export const AUDITED: Record<string, AuditBuilder> = {
  "/organization/create": (s) => ({
    organizationId: str(s.returned.id) ?? null,
    metadata: { name: s.returned.name, slug: s.returned.slug },
  }),
  "/organization/update": (s) => ({
    organizationId: orgOf(s, s.returned.id),
    metadata: { changes: Object.keys(obj(s.body.data)) },
  }),
  // The organization is gone (its audit rows lose their link): the row keeps its name for the operators' log.
  "/organization/delete": (s) => ({
    organizationId: null,
    metadata: { organizationId: s.body.organizationId, ...obj(s.saved.organization) },
  }),
  "/organization/invite-member": (s) => ({
    action: s.body.resend ? "invitation.resend" : "invitation.create",
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: {
      invitationId: s.returned.id,
      email: s.returned.email,
      role: s.returned.role,
      teamId: s.returned.teamId,
    },
  }),
  "/organization/cancel-invitation": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: { invitationId: s.returned.id, email: s.returned.email },
  }),
  "/organization/accept-invitation": (s) => ({
    organizationId: orgOf(s, obj(s.returned.invitation).organizationId),
    targetUserId: str(obj(s.returned.member).userId) ?? null,
    metadata: { invitationId: obj(s.returned.invitation).id, role: obj(s.returned.member).role },
  }),
  "/organization/reject-invitation": (s) => ({
    organizationId: orgOf(s, obj(s.returned.invitation).organizationId),
    metadata: { invitationId: obj(s.returned.invitation).id ?? s.body.invitationId },
  }),
  "/organization/remove-member": (s) => ({
    organizationId: orgOf(s, obj(s.returned.member).organizationId),
    targetUserId: str(obj(s.returned.member).userId) ?? null,
    metadata: { role: obj(s.returned.member).role },
  }),
  "/organization/leave": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    targetUserId: str(s.returned.userId) ?? null,
    metadata: { role: s.returned.role, left: true },
  }),
  "/organization/update-member-role": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId, s.saved.organizationId),
    targetUserId: str(s.returned.userId) ?? null,
    metadata: { from: s.saved.previousRole ?? null, to: s.returned.role },
  }),
  "/organization/create-team": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: { teamId: s.returned.id, name: s.returned.name },
  }),
  "/organization/update-team": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: { teamId: s.returned.id, name: s.returned.name },
  }),
  "/organization/remove-team": (s) => ({
    organizationId: orgOf(s, obj(s.saved.team).organizationId),
    metadata: { teamId: s.body.teamId, name: obj(s.saved.team).name },
  }),
  "/organization/add-team-member": (s) => ({
    organizationId: orgOf(s),
    targetUserId: str(s.returned.userId) ?? null,
    metadata: { teamId: s.returned.teamId },
  }),
  "/organization/remove-team-member": (s) => ({
    organizationId: orgOf(s),
    targetUserId: str(s.body.userId) ?? null,
    metadata: { teamId: s.body.teamId },
  }),
  "/organization/create-role": (s) => ({
    organizationId: orgOf(s, obj(s.returned.roleData).organizationId),
    metadata: { role: obj(s.returned.roleData).role, permission: obj(s.returned.roleData).permission },
  }),
  "/organization/update-role": (s) => ({
    organizationId: orgOf(s, obj(s.returned.roleData).organizationId, s.saved.organizationId),
    metadata: {
      role: obj(s.returned.roleData).role,
      from: s.saved.roleName,
      permission: obj(s.returned.roleData).permission,
    },
  }),
  "/organization/delete-role": (s) => ({
    organizationId: orgOf(s, s.saved.organizationId),
    metadata: { role: s.saved.roleName ?? s.body.roleName ?? null },
  }),
};
