import { z } from "zod";
import { decodeAuditCursor, pageAuditEvents } from "@/db/queries/audit";
import { routeHandler } from "@/lib/auth/entry";

const id = z.string().trim().min(1).max(200).optional();
const querySchema = z.object({
  targetUserId: id,
  actorUserId: id,
  action: id,
  organizationId: id,
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/**
 * GET /api/admin/audit-events?targetUserId=&actorUserId=&action=&organizationId=&cursor=&limit=
 * Newest-first JSON pages of the audit trail for operators and support; `nextCursor` fetches the next page (null at
 * the end). Everyone else, impersonators included, gets 403.
 */
export const GET = routeHandler("api.admin.audit_events", async ({ request }) => {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Response.json({ error: `Invalid ${String(issue?.path[0] ?? "query")}: ${issue?.message}` }, { status: 400 });
  }
  const { targetUserId, actorUserId, action, organizationId, cursor, limit } = parsed.data;
  const position = cursor ? decodeAuditCursor(cursor) : null;
  if (cursor && !position) return Response.json({ error: "Invalid cursor" }, { status: 400 });

  const page = await pageAuditEvents(
    { target: targetUserId, actor: actorUserId, action, organization: organizationId },
    position,
    limit,
  );
  return Response.json(
    {
      events: page.events.map((event) => ({
        id: event.id,
        at: event.at.toISOString(),
        action: event.action,
        actorUserId: event.actor?.id ?? null,
        actorEmail: event.actor?.email ?? null,
        impersonatorUserId: event.impersonator?.id ?? null,
        targetUserId: event.target?.id ?? null,
        targetEmail: event.target?.email ?? null,
        organizationId: event.organization?.id ?? null,
        reason: event.reason,
        ip: event.ip,
        userAgent: event.userAgent,
        metadata: event.metadata,
      })),
      nextCursor: page.nextCursor,
    },
    { headers: { "cache-control": "no-store" } },
  );
});
