import { NAME_LIMITS, nameField } from "./text";
import "./zod-config";
import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const email = z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address.").max(254);
const password = z.string().min(1, "Enter your password.").max(PASSWORD_MAX);
const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const signInSchema = z.object({ email, password });
export type SignIn = z.infer<typeof signInSchema>;

export const signUpSchema = z.object({
  name: nameField({ ...NAME_LIMITS.person, tooShort: "Enter your name." }),
  email,
  password: newPassword,
});
export type SignUp = z.infer<typeof signUpSchema>;

export const emailOnlySchema = z.object({ email });
export type EmailOnly = z.infer<typeof emailOnlySchema>;

export const resetPasswordSchema = z
  .object({ password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match.", path: ["confirm"] });
export type ResetPassword = z.infer<typeof resetPasswordSchema>;
