// What the organization's own rules accept (issue 16): its security policy. Shared by the forms and the actions.
import "./zod-config";
import { z } from "zod";
import { TWO_FACTOR_METHODS } from "@/lib/auth/sign-in-methods";
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
