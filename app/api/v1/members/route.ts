import { keyRouteHandler } from "@/lib/auth/key-entry";
import { listMembers } from "@/lib/organization/provisioning/members";
import { parseQuery } from "@/lib/organization/provisioning/parse";
import { listMembersQuerySchema } from "@/lib/validations/provisioning";

/** GET /api/v1/members?cursor=&limit= (scope members:read): the key's organization's members, newest first. */
export const GET = keyRouteHandler("api.v1.members.list", async ({ deps, call, request }) => {
  const query = parseQuery(request, listMembersQuerySchema);
  return query.ok ? listMembers(deps, call, query.data) : query;
});
