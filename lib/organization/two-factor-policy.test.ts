import { describe, expect, it } from "vitest";
import { methodsForNewSession, sessionHasTwoFactors } from "@/lib/auth/sign-in-methods";
import { accountMeetsPolicy, deadlineOf, policyOf, standingOf } from "./two-factor-policy";

const DAY = 24 * 60 * 60 * 1000;
const since = new Date("2026-01-10T00:00:00Z");
const policy = policyOf({
  requireTwoFactor: true,
  twoFactorMethods: "totp,otp",
  gracePeriodDays: 7,
  twoFactorRequiredSince: since,
});

describe("where a member stands with a two-factor requirement", () => {
  it("runs the grace period from the later of the requirement and the joining", () => {
    expect(deadlineOf(policy, new Date("2025-01-01T00:00:00Z"))).toEqual(new Date(since.getTime() + 7 * DAY));
    const joined = new Date("2026-02-01T00:00:00Z");
    expect(deadlineOf(policy, joined)).toEqual(new Date(joined.getTime() + 7 * DAY));
    expect(deadlineOf(policyOf(null), joined)).toBeNull();
  });

  it("is in grace, then blocked, unless the session signed in with an allowed second factor", () => {
    const account = { twoFactorEnabled: false };
    const joinedAt = new Date("2025-01-01T00:00:00Z");
    const at = (days: number) => new Date(since.getTime() + days * DAY);
    expect(standingOf({ policy, joinedAt, methods: ["password"], account, now: at(2.5) })).toMatchObject({
      state: "grace",
      daysLeft: 5,
    });
    expect(standingOf({ policy, joinedAt, methods: ["password"], account, now: at(7) }).state).toBe("blocked");
    const withTotp = { twoFactorEnabled: true, totp: true };
    expect(standingOf({ policy, joinedAt, methods: ["password", "totp"], account: withTotp, now: at(9) }).state).toBe(
      "ok",
    );
    // The account has two-factor, but this session came from a social sign-in.
    expect(standingOf({ policy, joinedAt, methods: ["social"], account: withTotp, now: at(9) }).state).toBe("blocked");
    expect(standingOf({ policy: policyOf(null), joinedAt, methods: [], account, now: at(9) }).state).toBe("ok");
  });

  it("counts only the allowed methods, and a trusted device by what the account has set up", () => {
    const totpOnly = policyOf({ ...policyRow(), twoFactorMethods: "totp" });
    expect(sessionHasTwoFactors(["password", "otp"], totpOnly.methods, { twoFactorEnabled: true })).toBe(false);
    expect(sessionHasTwoFactors(["password", "backup_code"], totpOnly.methods, { twoFactorEnabled: true })).toBe(true);
    expect(
      sessionHasTwoFactors(["password", "trusted_device"], totpOnly.methods, { twoFactorEnabled: true, totp: false }),
    ).toBe(false);
    expect(
      sessionHasTwoFactors(["password", "trusted_device"], totpOnly.methods, { twoFactorEnabled: true, totp: true }),
    ).toBe(true);
    expect(accountMeetsPolicy(totpOnly, { twoFactorEnabled: true, totp: false, passkey: true })).toBe(false);
    expect(accountMeetsPolicy(policy, { twoFactorEnabled: true, totp: false, passkey: false })).toBe(true);
  });

  it("a passkey sign-in is two factors only where the policy allows passkeys; having one meets such a policy", () => {
    const passkeys = policyOf({ ...policyRow(), twoFactorMethods: "passkey" });
    const noFactor = { twoFactorEnabled: false };
    expect(sessionHasTwoFactors(["passkey_uv"], passkeys.methods, noFactor)).toBe(true);
    expect(sessionHasTwoFactors(["passkey_uv"], policy.methods, noFactor)).toBe(false);
    expect(sessionHasTwoFactors(["password"], passkeys.methods, { twoFactorEnabled: true })).toBe(false);
    expect(accountMeetsPolicy(passkeys, { twoFactorEnabled: false, totp: false, passkey: true })).toBe(true);
    expect(accountMeetsPolicy(passkeys, { twoFactorEnabled: true, totp: true, passkey: false })).toBe(false);
  });
});

describe("what a new session proved", () => {
  it("starts a sign-in from its own proof, adds a code verified in a session, drops factors when turned off", () => {
    expect(methodsForNewSession("/sign-in/email", [])).toEqual(["password"]);
    expect(methodsForNewSession("/two-factor/verify-otp", [])).toEqual(["password", "otp"]);
    expect(methodsForNewSession("/two-factor/verify-totp", ["password"])).toEqual(["password", "totp"]);
    expect(methodsForNewSession("/two-factor/disable", ["password", "totp"])).toEqual(["password"]);
    expect(methodsForNewSession("/callback/:id", [])).toEqual(["social"]);
    expect(methodsForNewSession("/passkey/verify-authentication", [])).toEqual(["passkey_uv"]);
    expect(methodsForNewSession("/passkey/verify-authentication", ["password"])).toEqual(["password", "passkey_uv"]);
    expect(methodsForNewSession("/some/new-endpoint", [])).toEqual([]);
  });
});

function policyRow() {
  return { requireTwoFactor: true, twoFactorMethods: "totp,otp", gracePeriodDays: 7, twoFactorRequiredSince: since };
}
