import { keyRouteHandler } from "@/lib/auth/key-entry";
import { listAuditEvents } from "@/lib/organization/provisioning/audit-events";
import { parseQuery } from "@/lib/organization/provisioning/parse";
import { listAuditEventsQuerySchema } from "@/lib/validations/provisioning";

/** GET /api/v1/audit-events?action=&cursor=&limit= (scope audit:read): the organization's trail, newest first. */
export const GET = keyRouteHandler("api.v1.audit_events.list", async ({ deps, call, request }) => {
  const query = parseQuery(request, listAuditEventsQuerySchema);
  return query.ok ? listAuditEvents(deps, call, query.data) : query;
});
