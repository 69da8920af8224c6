// The security-hardening plugins (issue 7), as one entry for the `plugins` array of create-auth.ts.
import type { Database } from "@/db/database";
import { accountLockout } from "./account-lockout";
import { serverCallRateLimit } from "./server-call-rate-limit";
import { stepUp } from "./step-up";

export interface SecurityPluginsOptions {
  db: Database;
}

/**
 * The HTTP rate limits for `auth.api` calls from server actions (first: a refused call does no other work), the
 * per-account sign-in lockout with the operator's unlock, and the fresh sign-in the most sensitive changes need.
 */
export function securityPlugins({ db }: SecurityPluginsOptions) {
  return [serverCallRateLimit({ db }), accountLockout({ db }), stepUp()] as const;
}
