// What an organization decides for itself (issue 16): its security policy, its verified domains with their join mode,
// and the requests to join that "suggest" mode collects. Rows go with their organization (ON DELETE CASCADE).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organization, user } from "./auth";

const now = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

/**
 * One row per organization that has changed its policy (none: nothing is required). `twoFactorRequiredSince` is when
 * two-factor became required (the grace period of a member runs from the later of it and their joining); null while
 * it is not required. `twoFactorMethods` lists the methods that satisfy it (lib/organization/two-factor-policy.ts).
 */
export const organizationPolicy = sqliteTable("organization_policy", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  requireTwoFactor: integer("require_two_factor", { mode: "boolean" }).notNull().default(false),
  twoFactorMethods: text("two_factor_methods").notNull().default("totp,otp"),
  gracePeriodDays: integer("grace_period_days").notNull().default(7),
  twoFactorRequiredSince: integer("two_factor_required_since", { mode: "timestamp_ms" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedBy: text("updated_by"),
});

/**
 * A domain an organization claims. Affiliation is proven by a code mailed to an address at the domain (enough for
 * "suggest"), ownership by a DNS TXT record `gatehouse-verification=<verificationToken>` (needed for "automatic").
 * Any organization may add a domain; once verified, it is that organization's alone (the partial unique index).
 */
export const organizationDomain = sqliteTable(
  "organization_domain",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    verificationToken: text("verification_token").notNull(),
    affiliationEmail: text("affiliation_email"),
    affiliationCodeHash: text("affiliation_code_hash"),
    affiliationCodeExpiresAt: integer("affiliation_code_expires_at", { mode: "timestamp_ms" }),
    affiliationAttempts: integer("affiliation_attempts").notNull().default(0),
    affiliationVerifiedAt: integer("affiliation_verified_at", { mode: "timestamp_ms" }),
    ownershipVerifiedAt: integer("ownership_verified_at", { mode: "timestamp_ms" }),
    joinMode: text("join_mode").notNull().default("off"),
    defaultRole: text("default_role").notNull().default("member"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    createdBy: text("created_by"),
  },
  (t) => [
    uniqueIndex("organization_domain_org_domain_idx").on(t.organizationId, t.domain),
    // Who claims a domain: the sign-in suggestions and the one-organization check look domains up by name.
    index("organization_domain_domain_idx").on(t.domain),
    uniqueIndex("organization_domain_verified_idx")
      .on(t.domain)
      .where(sql`affiliation_verified_at is not null or ownership_verified_at is not null`),
  ],
);

/** A request to join, from someone whose verified address is at a domain in "suggest" mode; an admin decides. */
export const organizationJoinRequest = sqliteTable(
  "organization_join_request",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    status: text("status").notNull().default("pending"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decidedBy: text("decided_by"),
  },
  (t) => [
    uniqueIndex("organization_join_request_pending_idx").on(t.organizationId, t.userId).where(sql`status = 'pending'`),
    index("organization_join_request_org_idx").on(t.organizationId, t.status, t.createdAt),
    index("organization_join_request_user_idx").on(t.userId),
  ],
);
