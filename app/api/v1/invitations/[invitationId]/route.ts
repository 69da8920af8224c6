import { keyRouteHandler } from "@/lib/auth/key-entry";
import { refusalOf } from "@/lib/organization/provisioning/call";
import { cancelInvitation } from "@/lib/organization/provisioning/invitations";
import { parseId } from "@/lib/organization/provisioning/parse";

/** DELETE /api/v1/invitations/<id> (scope invitations:write): cancels a pending invitation. */
export const DELETE = keyRouteHandler<{ invitationId: string }>(
  "api.v1.invitations.cancel",
  async ({ deps, call }, params) => {
    const id = parseId(params.invitationId, refusalOf(404, "INVITATION_NOT_FOUND"));
    return id.ok ? cancelInvitation(deps, call, id.data) : id;
  },
);
