// The audit trail of a key's organization, newest first in keyset pages (stable while new events arrive): what the
// console's audit log shows, with ids, for the organization's own systems. Never another organization's rows.
import { decodeAuditCursor, pageAuditEvents } from "@/db/queries/audit";
import { INVALID_CURSOR, type KeyCall, type OperationResult, type ProvisioningDeps } from "./call";

export interface ApiAuditEvent {
  id: string;
  at: string;
  action: string;
  actor: { type: "user"; userId: string; email: string | null } | { type: "api_key"; apiKeyId: string } | null;
  impersonatorUserId: string | null;
  target: { userId: string; email: string | null } | null;
  metadata: Record<string, unknown> | null;
}

export async function listAuditEvents(
  { db }: ProvisioningDeps,
  call: KeyCall,
  query: { cursor?: string | undefined; limit: number; action?: string | undefined },
): Promise<OperationResult<{ data: ApiAuditEvent[]; nextCursor: string | null }>> {
  const position = query.cursor ? decodeAuditCursor(query.cursor) : null;
  if (query.cursor && !position) return INVALID_CURSOR;
  const page = await pageAuditEvents(
    { organizationId: call.key.organization.id, action: query.action },
    position,
    query.limit,
    db,
  );
  return {
    ok: true,
    audited: false,
    body: {
      data: page.events.map((event) => ({
        id: event.id,
        at: event.at.toISOString(),
        action: event.action,
        actor: event.actor
          ? { type: "user", userId: event.actor.id, email: event.actor.email }
          : event.actorApiKeyId
            ? { type: "api_key", apiKeyId: event.actorApiKeyId }
            : null,
        impersonatorUserId: event.impersonator?.id ?? null,
        target: event.target ? { userId: event.target.id, email: event.target.email } : null,
        metadata: event.metadata,
      })),
      nextCursor: page.nextCursor,
    },
  };
}
