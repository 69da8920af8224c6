// What the organization's own rules accept (issue 16): its security policy, its domains and join modes, requests to
// join. Shared by the forms and the actions.
import "./zod-config";
import { z } from "zod";
import { TWO_FACTOR_METHODS } from "@/lib/auth/sign-in-methods";
import { MAX_BULK_ROWS } from "@/lib/organization/bulk-invitations";
import { JOIN_MODES } from "@/lib/organization/join-modes";
import { MAX_GRACE_PERIOD_DAYS } from "@/lib/organization/two-factor-policy";
import { slugSchema } from "./organization";

export const securityPolicySchema = z.object({
  requireTwoFactor: z.boolean(),
  gracePeriodDays: z
    .number({ error: "Enter a number of days." })
    .int("Use whole days.")
    .min(0, "Use 0 or more days.")
    .max(MAX_GRACE_PERIOD_DAYS, `Use at most ${MAX_GRACE_PERIOD_DAYS} days.`),
  methods: z.array(z.enum(TWO_FACTOR_METHODS)).min(1, "Allow at least one method."),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const updateSecurityPolicySchema = securityPolicySchema.extend({ slug: slugSchema });

export const remindTwoFactorSchema = z.object({ slug: slugSchema, memberId: z.string().min(1).max(100) });

export const domainInputSchema = z.object({
  domain: z.string().trim().min(1, "Enter a domain, like example.com.").max(253, "Use at most 253 characters."),
});
export type DomainInput = z.infer<typeof domainInputSchema>;
export const addDomainSchema = domainInputSchema.extend({ slug: slugSchema });

const domainId = z.string().min(1).max(100);
export const domainRefSchema = z.object({ slug: slugSchema, domainId });

export const domainCodeRecipientSchema = z.object({
  localPart: z
    .string()
    .trim()
    .min(1, "Enter the part before the @.")
    .max(64, "Use at most 64 characters.")
    .regex(/^[^\s@]+$/, "Only the part before the @, without spaces."),
});
export type DomainCodeRecipient = z.infer<typeof domainCodeRecipientSchema>;
export const sendDomainCodeSchema = domainCodeRecipientSchema.extend({ slug: slugSchema, domainId });

export const domainCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code."),
});
export type DomainCode = z.infer<typeof domainCodeSchema>;
export const verifyDomainCodeSchema = domainCodeSchema.extend({ slug: slugSchema, domainId });

export const joinModeFormSchema = z.object({
  joinMode: z.enum(JOIN_MODES),
  defaultRole: z
    .string()
    .trim()
    .min(1, "Choose a role.")
    .max(64)
    .refine((role) => role !== "owner", "People who join by domain cannot be owners."),
});
export type JoinModeForm = z.infer<typeof joinModeFormSchema>;
export const setJoinModeSchema = joinModeFormSchema.extend({ slug: slugSchema, domainId });

export const requestToJoinSchema = z.object({ organizationId: z.string().min(1).max(100) });
export const decideJoinRequestSchema = z.object({
  slug: slugSchema,
  requestId: z.string().min(1).max(100),
  decision: z.enum(["approve", "refuse"]),
});

export const bulkRowSchema = z.object({
  line: z.number().int().min(1),
  email: z.string().max(320),
  role: z.string().max(64),
  team: z.string().max(100),
});
export const bulkInviteSchema = z.object({
  slug: slugSchema,
  rows: z
    .array(bulkRowSchema)
    .min(1, "Add at least one row.")
    .max(MAX_BULK_ROWS, `At most ${MAX_BULK_ROWS} rows at once.`),
  defaultRole: z.string().trim().min(1).max(64),
  defaultTeamId: z.string().max(100).nullable(),
});
export type BulkInvite = z.infer<typeof bulkInviteSchema>;
