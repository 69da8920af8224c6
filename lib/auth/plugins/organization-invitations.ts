// How often one person invites and one address is invited (organization policy): a resend counts, and a refusal by
// better-auth gives the counts back. The role an invitation grants is checked like any role change.
import { defineRequestState } from "@better-auth/core/context";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { Database } from "@/db/database";
import { assertMayGrant } from "./organization-roles";
import { type BeforeHooks, obj, roleList, str, targetOrganizationId } from "./organization-shared";
import { consumeRateLimit, releaseRateLimit } from "./server-call-rate-limit";

/**
 * Per organization and address, a minute: the invitation and one resend. Keyed by address, since a resend after
 * expiry makes a new invitation id.
 */
export const INVITE_ADDRESS_LIMIT = { window: 60, max: 2 };
/** Invitations (resends included) one person may send per hour, across organizations. */
export const INVITER_LIMIT = { window: 60 * 60, max: 50 };

function retryIn(seconds: number) {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** The limit counts this request took, given back when better-auth then refuses the invitation (it sent nothing). */
export const countedInvitation = defineRequestState<string[]>(() => []);

/**
 * One invitation to an address of an organization at a time. better-auth looks for a pending invitation and then
 * creates one: two requests at the same moment both find none and both create (the address limit lets the
 * invitation and one resend through). The gate is a counter of at most 1, taken here and given back when the request
 * ends (INVITATION_IN_PROGRESS, 409, meanwhile); an isolate that dies mid-request leaves it for its window only.
 */
export const INVITE_IN_FLIGHT = { window: 30, max: 1 };
const heldInvitationGate = defineRequestState<string | null>(() => null);

/** Gives the in-flight gate back: the invite-member request it was taken for has ended (after hook). */
export async function releaseInvitationGate(db: Database) {
  const key = await heldInvitationGate.get();
  if (key) await releaseRateLimit(db, key);
}

/** Why an invitation may not be sent now: the code, the sentence, the HTTP status and the wait in seconds. */
export interface InvitationLimitRefusal {
  ok: false;
  status: "TOO_MANY_REQUESTS" | "CONFLICT";
  code: "INVITATION_RATE_LIMITED" | "INVITER_RATE_LIMITED" | "INVITATION_IN_PROGRESS";
  message: string;
  retryAfter?: number;
}

/** The counts an allowed invitation took: `counted` go back if it is refused later, `gate` when it ends. */
export interface InvitationLimitClaim {
  ok: true;
  counted: string[];
  gate: string;
}

/**
 * Claims the two limits above and the in-flight gate for one invitation by `inviterUserId` (after the grant check,
 * so a refusal costs nothing). The console's invite-member and the provisioning API's invitations both go through
 * it: a key's invitations count against its creator, who is their inviter.
 */
export async function claimInvitationLimits(
  db: Database,
  inviterUserId: string,
  organizationId: string,
  email: string,
): Promise<InvitationLimitClaim | InvitationLimitRefusal> {
  const addressKey = `invite:${organizationId}:${email}`;
  const address = await consumeRateLimit(db, addressKey, INVITE_ADDRESS_LIMIT);
  if (!address.allowed) {
    return {
      ok: false,
      status: "TOO_MANY_REQUESTS",
      code: "INVITATION_RATE_LIMITED",
      message: `An invitation to ${email} was sent less than a minute ago. Try again in ${retryIn(address.retryAfter)}.`,
      retryAfter: address.retryAfter,
    };
  }
  const inviterKey = `inviter:${inviterUserId}`;
  const inviter = await consumeRateLimit(db, inviterKey, INVITER_LIMIT);
  if (!inviter.allowed) {
    await releaseRateLimit(db, addressKey);
    return {
      ok: false,
      status: "TOO_MANY_REQUESTS",
      code: "INVITER_RATE_LIMITED",
      message: `You have sent ${INVITER_LIMIT.max} invitations in the last hour. Try again in ${retryIn(inviter.retryAfter)}.`,
      retryAfter: inviter.retryAfter,
    };
  }
  // Last, so the limits keep their own answers; a request held back here gives their counts back.
  const gateKey = `inviting:${organizationId}:${email}`;
  if (!(await consumeRateLimit(db, gateKey, INVITE_IN_FLIGHT)).allowed) {
    await releaseRateLimit(db, addressKey);
    await releaseRateLimit(db, inviterKey);
    return {
      ok: false,
      status: "CONFLICT",
      code: "INVITATION_IN_PROGRESS",
      message: `An invitation to ${email} is being sent at this moment. It will be among the pending invitations.`,
    };
  }
  return { ok: true, counted: [addressKey, inviterKey], gate: gateKey };
}

/** Holds invite-member to the limits above (429 with a wait, 409 in flight); the after hook gives counts back. */
async function limitInvitations(db: Database, userId: string, organizationId: string, email: string) {
  const claim = await claimInvitationLimits(db, userId, organizationId, email);
  if (!claim.ok) {
    throw new APIError(
      claim.status,
      { code: claim.code, message: claim.message },
      claim.retryAfter === undefined ? undefined : { "X-Retry-After": String(claim.retryAfter) },
    );
  }
  await countedInvitation.set(claim.counted);
  await heldInvitationGate.set(claim.gate);
}

/** invite-member: the grant check (a resend grants the stored role), then the two limits. */
export const invitationHooks = (db: Database): BeforeHooks => [
  {
    matcher: (ctx) => ctx.path === "/organization/invite-member",
    handler: createAuthMiddleware(async (ctx) => {
      const body = obj(ctx.body);
      const session = await getSessionFromCtx(ctx);
      const organizationId = targetOrganizationId(ctx, session);
      const email = str(body.email)?.toLowerCase();
      // A resend re-sends the pending invitation with its stored role, whatever the body says: check that role.
      const pending =
        body.resend === true && organizationId && email
          ? await ctx.context.adapter.findOne<{ role: string; expiresAt: Date }>({
              model: "invitation",
              where: [
                { field: "organizationId", value: organizationId },
                { field: "email", value: email },
                { field: "status", value: "pending" },
                { field: "expiresAt", value: new Date(), operator: "gt" },
              ],
            })
          : null;
      await assertMayGrant(ctx, roleList(pending ? pending.role : body.role));
      if (!session || !organizationId || !email) return;
      await limitInvitations(db, session.user.id, organizationId, email);
    }),
  },
];
