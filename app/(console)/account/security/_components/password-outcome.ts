import type { PasswordConfirmOutcome } from "@/components/account/password-confirm-form";
import { type AuthClientError, describeAuthError } from "@/lib/auth/errors";

/** Where a better-auth error of a password-confirmed change is shown: a wrong password on the field, else above. */
export function passwordOutcome(error: AuthClientError | null): PasswordConfirmOutcome {
  if (!error) return null;
  if (error.code === "INVALID_PASSWORD") return { field: "Wrong password." };
  return { form: describeAuthError(error) };
}
