// /admin/update-user under the operator policy: which fields it may change (everything else has its own endpoint
// with its own rules), which of them move the way an account signs in, and the mails an address change sends.
import { SIGN_IN_FIELDS } from "@/lib/auth/rules";
import { sendEmailChangedByOperatorMails } from "@/lib/email/messages";
import type { MailSettings } from "@/lib/email/send";
import { type PendingAction, record, text } from "./operator-request";

/** update-user changes these only; everything else has its own endpoint with its own rules (or none at all). */
export const UPDATABLE_USER_FIELDS = ["name", "image", "email", "emailVerified"] as const;
/** Of those, the ones that move or unlock the way the account signs in: never on an operator (lib/auth/rules.ts). */
export { SIGN_IN_FIELDS };

/** The fields of an update that update-user may not change. */
export function fieldsNotUpdatable(data: Record<string, unknown>): string[] {
  return Object.keys(data).filter((key) => !(UPDATABLE_USER_FIELDS as readonly string[]).includes(key));
}

/** Tells both addresses when an operator moved an account to a new one; a lost mail is logged. */
export async function sendEmailChangeNotices(
  settings: MailSettings,
  baseURL: string,
  body: Record<string, unknown>,
  returned: Record<string, unknown>,
  pending: PendingAction,
) {
  const data = record(body.data);
  const oldEmail = pending.target?.email;
  const newEmail = text(data.email);
  if (!pending.target || !oldEmail || !newEmail || newEmail === oldEmail) return;
  try {
    await sendEmailChangedByOperatorMails(settings, {
      name: pending.target.name,
      oldEmail,
      newEmail: text(returned.email) ?? newEmail,
      signInUrl: `${baseURL}/sign-in`,
    });
  } catch (error) {
    console.error("email change notice not sent:", error instanceof Error ? error.message : error);
  }
}
