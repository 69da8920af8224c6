import { keyRouteHandler } from "@/lib/auth/key-entry";
import { refusalOf } from "@/lib/organization/provisioning/call";
import { removeMember, updateMemberRole } from "@/lib/organization/provisioning/members";
import { parseBody, parseId } from "@/lib/organization/provisioning/parse";
import { updateMemberBodySchema } from "@/lib/validations/provisioning";

const NOT_FOUND = refusalOf(404, "MEMBER_NOT_FOUND");

/** PATCH /api/v1/members/<id> `{ "role": "admin" }` (scope members:write): the member's new role. */
export const PATCH = keyRouteHandler<{ memberId: string }>(
  "api.v1.members.update",
  async ({ deps, call, request }, params) => {
    const id = parseId(params.memberId, NOT_FOUND);
    if (!id.ok) return id;
    const body = await parseBody(request, updateMemberBodySchema);
    return body.ok ? updateMemberRole(deps, call, id.data, body.data.role) : body;
  },
);

/** DELETE /api/v1/members/<id> (scope members:write): removes the member from the organization. */
export const DELETE = keyRouteHandler<{ memberId: string }>("api.v1.members.remove", async ({ deps, call }, params) => {
  const id = parseId(params.memberId, NOT_FOUND);
  return id.ok ? removeMember(deps, call, id.data) : id;
});
