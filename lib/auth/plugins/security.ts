// The security-hardening plugins (issue 7), as one entry for the `plugins` array of create-auth.ts.
import type { AppDatabase } from "@/lib/auth/create-auth";
import { accountLockout } from "./account-lockout";

export interface SecurityPluginsOptions {
  db: AppDatabase;
}

/** Per-account sign-in lockout (with the operator's unlock). */
export function securityPlugins({ db }: SecurityPluginsOptions) {
  return [accountLockout({ db })] as const;
}
