// An organization's two-factor requirement and where a member stands with it, as pure functions: the guard (pages and
// our actions), the organization plugin (better-auth's /organization/* endpoints) and the policy page all decide
// with these. No runtime imports beyond the sign-in methods: client components read it too.
import {
  type AccountFactors,
  type SignInMethod,
  sessionHasTwoFactors,
  TWO_FACTOR_METHODS,
  type TwoFactorMethod,
} from "@/lib/auth/sign-in-methods";

export const ORGANIZATION_REQUIRES_TWO_FACTOR = "ORGANIZATION_REQUIRES_TWO_FACTOR";
export const TWO_FACTOR_REQUIRED_BY_ORGANIZATION = "TWO_FACTOR_REQUIRED_BY_ORGANIZATION";
export const DEFAULT_GRACE_PERIOD_DAYS = 7;
export const MAX_GRACE_PERIOD_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TwoFactorPolicy {
  required: boolean;
  methods: TwoFactorMethod[];
  gracePeriodDays: number;
  /** When the requirement began (null when not required). */
  since: Date | null;
}

/** The stored row (organization_policy) or its absence, as a policy. */
export interface PolicyRow {
  requireTwoFactor: boolean;
  twoFactorMethods: string;
  gracePeriodDays: number;
  twoFactorRequiredSince: Date | null;
}

export const NO_POLICY: TwoFactorPolicy = {
  required: false,
  methods: ["totp", "otp"],
  gracePeriodDays: DEFAULT_GRACE_PERIOD_DAYS,
  since: null,
};

export function parseMethods(value: string | null | undefined): TwoFactorMethod[] {
  const listed = (value ?? "").split(",").map((m) => m.trim());
  return TWO_FACTOR_METHODS.filter((m) => listed.includes(m));
}

export function policyOf(row: PolicyRow | null | undefined): TwoFactorPolicy {
  if (!row) return NO_POLICY;
  const methods = parseMethods(row.twoFactorMethods);
  return {
    required: row.requireTwoFactor && methods.length > 0,
    methods,
    gracePeriodDays: row.gracePeriodDays,
    since: row.twoFactorRequiredSince,
  };
}

/** The member's deadline: the grace period from the later of the requirement's start and their joining. */
export function deadlineOf(policy: TwoFactorPolicy, joinedAt: Date): Date | null {
  if (!policy.required) return null;
  const start = Math.max(policy.since?.getTime() ?? 0, joinedAt.getTime());
  return new Date(start + policy.gracePeriodDays * DAY_MS);
}

export type Standing =
  /** Nothing is required, or this session meets it. */
  | { state: "ok" }
  /** Not met yet, and the grace period is running: a banner with the days left. */
  | { state: "grace"; deadline: Date; daysLeft: number }
  /** Not met, and the grace period is over: only leaving and invitations stay open. */
  | { state: "blocked"; deadline: Date };

export interface StandingInput {
  policy: TwoFactorPolicy;
  joinedAt: Date;
  methods: readonly SignInMethod[];
  account: AccountFactors;
  now?: Date;
}

/** Where a member stands, decided on how this session signed in (not only on what the account has set up). */
export function standingOf({ policy, joinedAt, methods, account, now = new Date() }: StandingInput): Standing {
  const deadline = deadlineOf(policy, joinedAt);
  if (!deadline || sessionHasTwoFactors(methods, policy.methods, account)) return { state: "ok" };
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return { state: "blocked", deadline };
  return { state: "grace", deadline, daysLeft: Math.ceil(left / DAY_MS) };
}

/** Whether an account has a second factor the policy accepts (what "members without a second factor" lists). */
export function accountMeetsPolicy(policy: TwoFactorPolicy, account: Required<AccountFactors>): boolean {
  return (
    (policy.methods.includes("otp") && account.twoFactorEnabled) ||
    (policy.methods.includes("totp") && account.twoFactorEnabled && account.totp) ||
    (policy.methods.includes("passkey") && account.passkey)
  );
}

/** "in 3 days" / "tomorrow" / "today", for the banner. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft <= 1) return "within a day";
  return `within ${daysLeft} days`;
}

/** The refusal's words, naming the organization and the deadline. */
export function requiresTwoFactorMessage(organizationName: string, deadline: Date): string {
  const when = deadline.toISOString().slice(0, 10);
  return `${organizationName} requires two-factor authentication since ${when}. Sign in with a second factor, or set one up on your security page.`;
}
