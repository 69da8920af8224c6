import { getDb } from "@/db";
import { iterateAuditEvents } from "@/db/queries/audit";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { routeHandler } from "@/lib/auth/entry";
import { csvResponse } from "@/lib/csv";
import { parseAuditFilter } from "../../../../(console)/admin/audit/search-params";

/** GET /api/admin/audit/export?<the audit table's URL>: every matching event, newest first, as CSV (staff only). */
export const GET = routeHandler("api.admin.audit_export", async ({ request, actor, rule }) => {
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  await recordAudit(await getDb(), {
    action: rule.action,
    ...actor,
    metadata: { filter },
    ...requestOrigin(request.headers),
  });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(
    `audit-${day}.csv`,
    [
      "at",
      "action",
      "actor_id",
      "actor_email",
      "impersonator_id",
      "impersonator_email",
      "target_id",
      "target_email",
      "organization_id",
      "organization_slug",
      "reason",
      "ip",
      "user_agent",
      "metadata",
    ],
    iterateAuditEvents(filter),
    (event) => [
      event.at,
      event.action,
      event.actor?.id,
      event.actor?.email,
      event.impersonator?.id,
      event.impersonator?.email,
      event.target?.id,
      event.target?.email,
      event.organization?.id,
      event.organization?.slug,
      event.reason,
      event.ip,
      event.userAgent,
      event.metadata,
    ],
  );
});
