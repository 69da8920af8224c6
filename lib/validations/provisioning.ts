// What the provisioning API (app/api/v1) accepts: query strings, bodies and path ids, checked before anything acts.
// The same schemas describe the API in the OpenAPI document (lib/organization/provisioning/openapi.ts).
import "./zod-config";
import { z } from "zod";

/** An id in a path (`/members/<id>`): better-auth's ids and UUIDs. */
export const pathIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Not an id.");

const page = {
  cursor: z.string().min(1).max(400).optional().describe("The nextCursor of the previous page."),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Rows per page (1–100, default 50)."),
};

export const listMembersQuerySchema = z.strictObject(page);

export const INVITATION_STATUSES = ["pending", "accepted", "rejected", "canceled"] as const;
export const listInvitationsQuerySchema = z.strictObject({
  ...page,
  status: z.enum(INVITATION_STATUSES).default("pending").describe("Pending ones are those not yet expired."),
});

export const listAuditEventsQuerySchema = z.strictObject({
  ...page,
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('One action ("member.remove"), or a prefix ending in "." or "*".'),
});

/** A role name as stored: a built-in role or the organization's custom role. */
const roleName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "Not a role name.");
/** One role, a comma list, or an array of role names (what the console's role change sends), as a comma list. */
const roles = z
  .union([z.string().trim().min(1).max(200), z.array(roleName).min(1).max(10)])
  .transform((value) => (Array.isArray(value) ? value.join(",") : value))
  .pipe(
    z
      .string()
      .refine((list) => list.split(",").every((name) => roleName.safeParse(name.trim()).success), "Not a role name."),
  )
  .describe('"member", "admin", a custom role, or several: "admin,billing" or ["admin", "billing"].');

export const updateMemberBodySchema = z.strictObject({ role: roles });
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

export const createInvitationBodySchema = z.strictObject({
  email: z.email("Enter a valid email address.").max(254).describe("Who is invited; the invitation mail goes here."),
  role: roles,
  teamId: pathIdSchema.optional().describe("A team of the organization to join on acceptance."),
});
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;
