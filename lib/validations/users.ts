import { IMPERSONATION_REASON_MIN, REASON_MAX } from "@/lib/auth/operator-rules";
import { PASSWORD_MAX, PASSWORD_MIN } from "./auth";
import { personNameSchema } from "./text";
import "./zod-config";
import { z } from "zod";

export const userIdSchema = z.string().trim().min(1, "Choose a user.").max(100);

const reason = z.string().trim().max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`);
const optionalReason = reason.optional();

/** Ban lengths offered by the console, in seconds (null = until lifted). */
export const BAN_EXPIRY_PRESETS = {
  "1h": { label: "1 hour", seconds: 60 * 60 },
  "1d": { label: "1 day", seconds: 60 * 60 * 24 },
  "7d": { label: "7 days", seconds: 60 * 60 * 24 * 7 },
  "30d": { label: "30 days", seconds: 60 * 60 * 24 * 30 },
  permanent: { label: "Permanent", seconds: null },
} as const;
export type BanExpiry = keyof typeof BAN_EXPIRY_PRESETS;
const banExpiry = z.enum(Object.keys(BAN_EXPIRY_PRESETS) as [BanExpiry, ...BanExpiry[]], {
  message: "Choose how long the ban lasts.",
});

export const banDetailsSchema = z.object({
  reason: reason.min(1, "Give a reason for the ban."),
  expiry: banExpiry,
});
export type BanDetails = z.infer<typeof banDetailsSchema>;

export const banUserSchema = banDetailsSchema.extend({ userId: userIdSchema });
export type BanUser = z.infer<typeof banUserSchema>;

export const impersonateUserSchema = z.object({
  userId: userIdSchema,
  reason: reason.min(
    IMPERSONATION_REASON_MIN,
    `Say why you need to impersonate this user (at least ${IMPERSONATION_REASON_MIN} characters).`,
  ),
});
export type ImpersonateUser = z.infer<typeof impersonateUserSchema>;

/** Platform roles an operator can give. */
export const platformRoleSchema = z.enum(["admin", "support", "user"], { message: "Choose a role." });

export const setUserRoleSchema = z.object({ userId: userIdSchema, role: platformRoleSchema, reason: optionalReason });
export type SetUserRole = z.infer<typeof setUserRoleSchema>;

const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const setUserPasswordSchema = z.object({ userId: userIdSchema, password: newPassword, reason: optionalReason });
export type SetUserPassword = z.infer<typeof setUserPasswordSchema>;

export const userActionSchema = z.object({ userId: userIdSchema, reason: optionalReason });
export type UserAction = z.infer<typeof userActionSchema>;

export const revokeUserSessionSchema = z.object({ userId: userIdSchema, sessionId: z.string().trim().min(1).max(100) });
export type RevokeUserSession = z.infer<typeof revokeUserSessionSchema>;

export const deleteUserSchema = z.object({
  userId: userIdSchema,
  confirmation: z.string().trim().min(1, "Type the user's email address to confirm."),
  reason: optionalReason,
});
export type DeleteUser = z.infer<typeof deleteUserSchema>;

export const createUserSchema = z
  .object({
    name: personNameSchema,
    email: z.string().trim().min(1, "Enter an email address.").email("Enter a valid email address.").max(254),
    role: platformRoleSchema,
    passwordMode: z.enum(["link", "password"]),
    password: z.string().max(PASSWORD_MAX).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.passwordMode !== "password") return;
    const parsed = newPassword.safeParse(value.password ?? "");
    if (!parsed.success) {
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: parsed.error.issues[0]?.message ?? "Enter a password.",
      });
    }
  });
export type CreateUser = z.infer<typeof createUserSchema>;

/** Most rows one bulk action may touch (a page of the table at its largest size). */
export const BULK_MAX = 100;

export const bulkUsersSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("ban"),
    userIds: z.array(userIdSchema).min(1, "Select at least one user.").max(BULK_MAX),
    reason: reason.min(1, "Give a reason for the ban."),
    expiry: banExpiry,
  }),
  z.object({
    action: z.literal("unban"),
    userIds: z.array(userIdSchema).min(1, "Select at least one user.").max(BULK_MAX),
  }),
  z.object({
    action: z.literal("revoke-sessions"),
    userIds: z.array(userIdSchema).min(1, "Select at least one user.").max(BULK_MAX),
  }),
]);
export type BulkUsers = z.infer<typeof bulkUsersSchema>;
