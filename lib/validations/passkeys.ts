import "./zod-config";
import { z } from "zod";
import { nameField } from "./text";

/** A passkey's name ("Work laptop"): the name rules of lib/validations/text.ts, at most 60 characters. */
export const passkeyNameSchema = nameField({ min: 1, max: 60, tooShort: "Enter a name for the passkey." });

export const passkeyNameFormSchema = z.object({ name: passkeyNameSchema });
export type PasskeyNameForm = z.infer<typeof passkeyNameFormSchema>;

/** An operator removing one of a user's passkeys. */
export const removeUserPasskeySchema = z.object({
  userId: z.string().trim().min(1).max(255),
  passkeyId: z.string().trim().min(1).max(255),
});
export type RemoveUserPasskey = z.infer<typeof removeUserPasskeySchema>;
