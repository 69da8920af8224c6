import { organizationNameSchema, teamNameFieldSchema } from "./text";
import "./zod-config";
import { z } from "zod";

export const SLUG_MAX = 48;
export const MAX_INVITES_AT_ONCE = 20;

/** "Acme Corp!" → "acme-corp": lowercase ASCII letters, digits and single dashes. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}

const name = organizationNameSchema;
export const slugSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(SLUG_MAX, `Use at most ${SLUG_MAX} characters.`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes.");

export const createOrganizationSchema = z.object({ name, slug: slugSchema });
export type CreateOrganization = z.infer<typeof createOrganizationSchema>;

export const updateOrganizationSchema = z.object({
  name,
  slug: slugSchema,
  logo: z
    .string()
    .trim()
    .max(2048, "Use at most 2048 characters.")
    .refine(
      (value) => value === "" || /^https:\/\/[^\s]+$/i.test(value),
      "Use an https:// address, or leave it empty.",
    ),
});
export type UpdateOrganization = z.infer<typeof updateOrganizationSchema>;

/** What the HTTP API accepts for an organization (create and update; every field optional, checked when present). */
export const organizationFieldsSchema = updateOrganizationSchema.partial();

/** Addresses pasted in any shape (one per line, commas, semicolons, "Name <a@b>"): the distinct ones, lowercased. */
export function parseEmailList(text: string): { valid: string[]; invalid: string[] } {
  // "Ada Lovelace <ada@example.com>" → "ada@example.com", so display names never count as addresses.
  const withoutNames = text.replace(/"[^"]*"/g, " ").replace(/[^,;\n<>]*<([^<>]*)>/g, " $1 ");
  const parts = withoutNames
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    const email = part.toLowerCase();
    if (z.email().safeParse(email).success) {
      if (!valid.includes(email)) valid.push(email);
    } else if (!invalid.includes(part)) invalid.push(part);
  }
  return { valid, invalid };
}

export const inviteMembersSchema = z
  .object({
    emails: z.string().trim().min(1, "Enter at least one email address."),
    role: z.string().min(1, "Choose a role."),
    teamId: z.string(),
  })
  .superRefine((value, ctx) => {
    const { valid, invalid } = parseEmailList(value.emails);
    if (invalid.length > 0) {
      ctx.addIssue({ code: "custom", path: ["emails"], message: `Not an email address: ${invalid.join(", ")}` });
    } else if (valid.length === 0) {
      ctx.addIssue({ code: "custom", path: ["emails"], message: "Enter at least one email address." });
    } else if (valid.length > MAX_INVITES_AT_ONCE) {
      ctx.addIssue({
        code: "custom",
        path: ["emails"],
        message: `Invite at most ${MAX_INVITES_AT_ONCE} addresses at once.`,
      });
    }
  });
export type InviteMembers = z.infer<typeof inviteMembersSchema>;

export const teamNameSchema = z.object({ name: teamNameFieldSchema });
export type TeamName = z.infer<typeof teamNameSchema>;

export const roleNameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(32, "Use at most 32 characters.")
  .regex(/^[a-z][a-z0-9-]*$/, "Use lowercase letters, digits and dashes, starting with a letter.")
  .refine((value) => !["owner", "admin", "member"].includes(value), "This name belongs to a built-in role.");

/** A pending invitation's new role (lib/actions/organization/change-invitation-role.ts). */
export const changeInvitationRoleSchema = z.object({
  slug: slugSchema,
  invitationId: z.string().trim().min(1).max(64),
  role: z.string().trim().min(1, "Choose a role.").max(200),
});
export type ChangeInvitationRole = z.infer<typeof changeInvitationRoleSchema>;

export const transferOwnershipSchema = z.object({
  slug: slugSchema,
  memberId: z.string().min(1).max(64),
});
export type TransferOwnership = z.infer<typeof transferOwnershipSchema>;

/** An operator making a member the owner of an organization (/admin/organizations/[id]). */
export const makeOwnerSchema = z.object({
  organizationId: z.string().trim().min(1).max(200),
  memberId: z.string().trim().min(1).max(200),
});
export type MakeOwner = z.infer<typeof makeOwnerSchema>;
