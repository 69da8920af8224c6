import { PASSWORD_MAX, PASSWORD_MIN } from "./auth";
import { NAME_LIMITS, nameField } from "./text";
import "./zod-config";
import { z } from "zod";

const password = z.string().min(1, "Enter your password.").max(PASSWORD_MAX);

export const profileSchema = z.object({
  name: nameField({ ...NAME_LIMITS.person, tooShort: "Enter your name." }),
  image: z
    .string()
    .trim()
    .max(2048, "Use at most 2048 characters.")
    .refine(
      (value) => value === "" || /^https:\/\/[^\s]+$/i.test(value),
      "Enter an https:// address, or leave it empty.",
    )
    .refine((value) => value === "" || URL.canParse(value), "Enter a valid address."),
});
export type Profile = z.infer<typeof profileSchema>;

export const changeEmailSchema = z.object({
  newEmail: z.string().trim().min(1, "Enter the new address.").email("Enter a valid email address.").max(254),
});
export type ChangeEmail = z.infer<typeof changeEmailSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: z
      .string()
      .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
      .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
    confirm: z.string(),
    revokeOtherSessions: z.boolean(),
  })
  .refine((v) => v.newPassword === v.confirm, { message: "The passwords do not match.", path: ["confirm"] })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: "Choose a password different from the current one.",
    path: ["newPassword"],
  });
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** Re-entering the password before a sensitive change (two-factor on/off, new backup codes). */
export const passwordConfirmSchema = z.object({ password });
export type PasswordConfirm = z.infer<typeof passwordConfirmSchema>;

/** A 6-digit code from an authenticator app or an email; spaces people type are ignored. */
export const sixDigitCodeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code.")),
});
export type SixDigitCode = z.input<typeof sixDigitCodeSchema>;

export const backupCodeSchema = z.object({
  code: z.string().trim().min(1, "Enter one of your backup codes.").max(64, "That is not a backup code."),
});
export type BackupCode = z.infer<typeof backupCodeSchema>;

/** The id of one of the caller's sessions or trusted devices, as a server action receives it. */
export const recordIdSchema = z.object({ id: z.string().trim().min(1).max(255) });
export type RecordId = z.infer<typeof recordIdSchema>;

export const SECOND_FACTOR_METHODS = ["totp", "otp", "backup"] as const;
export type ChallengeMethod = (typeof SECOND_FACTOR_METHODS)[number];

/** The /two-factor form: a 6-digit code (app or email) or a backup code, and whether to trust this browser. */
export const twoFactorChallengeSchema = z
  .object({
    method: z.enum(SECOND_FACTOR_METHODS),
    code: z.string().trim().max(64, "That code is too long."),
    trustDevice: z.boolean(),
  })
  .transform((v) => (v.method === "backup" ? v : { ...v, code: v.code.replace(/\s+/g, "") }))
  .superRefine((v, ctx) => {
    if (v.method === "backup" && v.code.length === 0) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "Enter one of your backup codes." });
    }
    if (v.method !== "backup" && !/^\d{6}$/.test(v.code)) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "Enter the 6-digit code." });
    }
  });
export type TwoFactorChallengeInput = z.input<typeof twoFactorChallengeSchema>;
export type TwoFactorChallengeValues = z.output<typeof twoFactorChallengeSchema>;
