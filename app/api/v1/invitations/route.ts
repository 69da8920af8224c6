import { keyRouteHandler } from "@/lib/auth/key-entry";
import { createInvitation, listInvitations } from "@/lib/organization/provisioning/invitations";
import { parseBody, parseQuery } from "@/lib/organization/provisioning/parse";
import { createInvitationBodySchema, listInvitationsQuerySchema } from "@/lib/validations/provisioning";

/** GET /api/v1/invitations?status=&cursor=&limit= (scope invitations:write): the organization's invitations. */
export const GET = keyRouteHandler("api.v1.invitations.list", async ({ deps, call, request }) => {
  const query = parseQuery(request, listInvitationsQuerySchema);
  return query.ok ? listInvitations(deps, call, query.data) : query;
});

/** POST /api/v1/invitations `{ "email", "role", "teamId"? }` (scope invitations:write): invites and mails them. */
export const POST = keyRouteHandler("api.v1.invitations.create", async ({ deps, call, request }) => {
  const body = await parseBody(request, createInvitationBodySchema);
  return body.ok ? createInvitation(deps, call, body.data) : body;
});
