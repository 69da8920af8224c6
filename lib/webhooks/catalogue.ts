// The webhook event catalogue: every event a product can receive, and the audit rows it is built from. An event is
// written to the outbox with its audit row (lib/audit.ts `auditStatements`), so whatever records the audit row also
// emits the event, in the same D1 batch. Payloads carry ids, and emails and names only where a product needs them
// to keep its own copy of a user; never reasons typed by staff, client addresses, user agents or refused attempts
// (`*.denied` rows map to nothing). No imports beyond types: the console's pages list the catalogue too.
import type { AuditAction } from "@/lib/audit-actions";

export const WEBHOOK_EVENT_TYPES = [
  "user.created",
  "user.email_verified",
  "user.updated",
  "user.banned",
  "user.unbanned",
  "user.deleted",
  "session.created",
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "member.added",
  "member.removed",
  "member.role_updated",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What each event means, for the endpoint form and the README's catalogue. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "user.created": "An account was created: signed up, or created by an operator.",
  "user.email_verified": "A user proved their email address (or an operator vouched for it).",
  "user.updated": "A user's name, picture or email address changed.",
  "user.banned": "An operator banned a user: their sessions have ended.",
  "user.unbanned": "An operator lifted a ban.",
  "user.deleted": "An account was deleted, by its owner or an operator.",
  "session.created": "A user signed in (a new session; impersonation sessions are not included).",
  "organization.created": "An organization was created.",
  "organization.updated": "An organization's name, slug or logo changed.",
  "organization.deleted": "An organization was deleted (delivered to platform endpoints only).",
  "member.added": "Someone joined an organization (accepted an invitation, or was added).",
  "member.removed": "A member was removed from an organization, or left it.",
  "member.role_updated": "A member's role in an organization changed.",
};

/** Organization events go to that organization's endpoints too; the others only to platform endpoints. */
export function isOrganizationEvent(type: WebhookEventType): boolean {
  return type.startsWith("organization.") || type.startsWith("member.");
}

/** The part of an audit entry an event is built from (lib/audit.ts AuditEntry). */
export interface AuditSource {
  action: AuditAction;
  actorUserId?: string | null;
  targetUserId?: string | null;
  organizationId?: string | null;
  metadata?: Record<string, unknown> | null;
  /** What the product needs that the audit row does not keep (e.g. a new user's name), given by the writer. */
  event?: Record<string, unknown> | null;
}

export interface EventDraft {
  type: WebhookEventType;
  /** The organization it belongs to (routes it to that organization's endpoints), or null. */
  organizationId: string | null;
  data: Record<string, unknown>;
}

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

type Builder = (source: AuditSource, meta: Record<string, unknown>) => EventDraft[];

const userEvent =
  (
    type: WebhookEventType,
    extra: (s: AuditSource, m: Record<string, unknown>) => Record<string, unknown> = () => ({}),
  ) =>
  (s: AuditSource, m: Record<string, unknown>): EventDraft[] =>
    s.targetUserId
      ? [{ type, organizationId: null, data: { user: { id: s.targetUserId, ...(s.event ?? {}) }, ...extra(s, m) } }]
      : [];

const memberEvent =
  (type: WebhookEventType, extra: (m: Record<string, unknown>) => Record<string, unknown>) =>
  (s: AuditSource, m: Record<string, unknown>): EventDraft[] =>
    s.targetUserId && s.organizationId
      ? [
          {
            type,
            organizationId: s.organizationId,
            data: { organization: { id: s.organizationId }, user: { id: s.targetUserId }, ...extra(m) },
          },
        ]
      : [];

const organizationEvent =
  (type: WebhookEventType) =>
  (s: AuditSource, m: Record<string, unknown>): EventDraft[] => {
    const id = s.organizationId ?? str(m.organizationId);
    if (!id) return [];
    const fields = type === "organization.updated" ? { fields: m.changes ?? [] } : {};
    const named = type === "organization.updated" ? {} : { name: m.name ?? null, slug: m.slug ?? null };
    return [{ type, organizationId: id, data: { organization: { id, ...named }, ...fields } }];
  };

/** Which audit rows become which events. */
const FROM_AUDIT: Partial<Record<AuditAction, Builder>> = {
  "user.sign_up": userEvent("user.created", () => ({ via: "sign_up" })),
  "user.create": userEvent("user.created", () => ({ via: "operator" })),
  "user.email.confirm": userEvent("user.email_verified"),
  "user.email.verify": userEvent("user.email_verified"),
  "user.update": userEvent("user.updated", (_s, m) => ({ fields: m.fields ?? [] })),
  "user.profile.update": userEvent("user.updated", (_s, m) => ({ fields: m.fields ?? [] })),
  "user.ban": userEvent("user.banned", (_s, m) => ({ expiresAt: m.expiresAt ?? null })),
  "user.unban": userEvent("user.unbanned"),
  "user.delete": userEvent("user.deleted"),
  "user.delete_self": userEvent("user.deleted"),
  "user.sign_in": (s, m) =>
    s.targetUserId && str(m.sessionId)
      ? [
          {
            type: "session.created",
            organizationId: null,
            data: { user: { id: s.targetUserId }, session: { id: m.sessionId } },
          },
        ]
      : [],
  "organization.create": organizationEvent("organization.created"),
  "organization.update": organizationEvent("organization.updated"),
  "organization.delete": organizationEvent("organization.deleted"),
  "invitation.accept": memberEvent("member.added", (m) => ({ role: m.role ?? null })),
  "member.add": memberEvent("member.added", (m) => ({ role: m.role ?? null })),
  "member.remove": memberEvent("member.removed", (m) => ({ role: m.role ?? null, left: m.left === true })),
  "member.role.update": memberEvent("member.role_updated", (m) => ({
    role: m.to ?? null,
    previousRole: m.from ?? null,
  })),
  "organization.owner.make": memberEvent("member.role_updated", (m) => ({
    role: "owner",
    previousRole: m.fromRole ?? null,
  })),
  "ownership.transfer": (s, m) => [
    ...memberEvent("member.role_updated", () => ({ role: "owner", previousRole: m.toPreviousRole ?? null }))(s, m),
    // The owner who handed it over (the actor) is an admin now.
    ...memberEvent("member.role_updated", () => ({ role: "admin", previousRole: m.fromRole ?? null }))(
      { ...s, targetUserId: s.actorUserId },
      m,
    ),
  ],
};

/** The events an audit row stands for (none for refusals and for actions outside the catalogue). */
export function eventsFromAudit(source: AuditSource): EventDraft[] {
  if (source.action.endsWith(".denied")) return [];
  const build = FROM_AUDIT[source.action];
  return build ? build(source, source.metadata ?? {}) : [];
}

/** The audit actions that emit events (the README's catalogue lists them; a unit test checks every type has one). */
export const EMITTING_AUDIT_ACTIONS = Object.keys(FROM_AUDIT) as AuditAction[];
