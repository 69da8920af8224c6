// The account-area plugins (issue 3), as one entry for the `plugins` array of create-auth.ts.
import type { Database } from "@/db/database";
import type { MailSettings } from "@/lib/email/send";
import { accountNotices } from "./account-notices";
import { secondFactorGuard } from "./second-factor-guard";
import { trustedDevices } from "./trusted-devices";
import { twoFactorChallenge } from "./two-factor-challenge";

export interface AccountPluginsOptions {
  db: Database;
  settings: MailSettings;
  baseURL: string;
}

/** Replay-proof second factors, the challenge info endpoint, labelled trusted devices, account notices. */
export function accountPlugins({ db, settings, baseURL }: AccountPluginsOptions) {
  return [
    secondFactorGuard({ db }),
    twoFactorChallenge(),
    trustedDevices(),
    accountNotices({ db, settings, baseURL }),
  ] as const;
}
