import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { passkey, user } from "./auth";

/**
 * Who did what to whom, and why: written only by lib/audit.ts. The people and organization columns hold ids without
 * foreign keys on purpose: the trail outlives the users and organizations it names (a deleted user's history keeps
 * their id; their email stays in the metadata of the `user.delete` row).
 */
export const auditEvent = sqliteTable(
  "audit_event",
  {
    id: text("id").primaryKey(),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`),
    actorUserId: text("actor_user_id"),
    /** The organization API key that acted (the provisioning API); its creator is in the metadata. */
    actorApiKeyId: text("actor_api_key_id"),
    impersonatorUserId: text("impersonator_user_id"),
    action: text("action").notNull(),
    targetUserId: text("target_user_id"),
    organizationId: text("organization_id"),
    reason: text("reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_event_at_idx").on(t.at),
    index("audit_event_actor_idx").on(t.actorUserId, t.at),
    index("audit_event_impersonator_idx").on(t.impersonatorUserId),
    index("audit_event_api_key_idx").on(t.actorApiKeyId, t.at),
    index("audit_event_target_idx").on(t.targetUserId, t.at),
    // One action against one user, newest first (the impersonations listed on /account/security): the target index
    // alone would read every row about that user (sign-in notices, lockouts...) to find a few impersonations.
    index("audit_event_target_action_idx").on(t.targetUserId, t.action, t.at),
    index("audit_event_org_idx").on(t.organizationId, t.at),
    index("audit_event_action_idx").on(t.action, t.at),
  ],
);

/**
 * One row per second-factor code that has been accepted (a TOTP code within its window, a backup code). The primary
 * key makes the claim atomic: of two concurrent submissions of one code, exactly one insert succeeds.
 */
export const secondFactorUse = sqliteTable(
  "second_factor_use",
  {
    key: text("key").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("second_factor_use_user_idx").on(t.userId), index("second_factor_use_expires_idx").on(t.expiresAt)],
);

/**
 * Failed password sign-ins per normalized email address (lib/auth/plugins/account-lockout.ts): 10 in 15 minutes lock
 * the address for 15 minutes. Keyed by the address rather than the user id, so an address without an account is
 * counted and locked exactly like one with an account (no probing), and no lookup is needed before the check.
 */
export const signInLockout = sqliteTable(
  "sign_in_lockout",
  {
    email: text("email").primaryKey(),
    /** Attempts of the current window not known to have succeeded (claimed before the password is checked). */
    failures: integer("failures").notNull(),
    windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  },
  (t) => [index("sign_in_lockout_window_idx").on(t.windowStartedAt)],
);

/**
 * When each passkey last signed someone in, confirmed a step-up or answered a second factor: better-auth's passkey
 * plugin keeps no such field (lib/auth/plugins/passkey-policy.ts writes it, with the audit row of the use). Its row
 * goes with the passkey.
 */
export const passkeyActivity = sqliteTable("passkey_activity", {
  passkeyId: text("passkey_id")
    .primaryKey()
    .references(() => passkey.id, { onDelete: "cascade" }),
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }).notNull(),
});
