// The staff pages' flags are the rules' verdicts: what a page shows is what the endpoint will accept (rules.test.ts
// checks the rules against better-auth itself).
import { describe, expect, it } from "vitest";
import { memberFlags, rowFlags, staffFlags } from "./flags";

const operator = { id: "op", role: "admin" };
const support = { id: "sup", role: "support,user" };

describe("staff flags", () => {
  it("lets an operator act on a user but not on another operator (roles read as comma lists)", () => {
    expect(staffFlags(operator, { id: "u", role: "user" })).toMatchObject({ ban: true, remove: true, setRole: true });
    const onOperator = staffFlags(operator, { id: "op2", role: "user, admin" });
    expect(onOperator).toMatchObject({ ban: false, remove: false, setRole: false, impersonate: false });
  });

  it("gives support what support may do, and nobody anything on their own account", () => {
    const onUser = staffFlags(support, { id: "u", role: "user" });
    expect(onUser).toMatchObject({ impersonate: true, ban: false, setPassword: false, remove: false });
    expect(Object.values(staffFlags(operator, operator)).some(Boolean)).toBe(false);
    expect(rowFlags(support, [{ id: "op", role: "admin" }]).op).toEqual({
      ban: false,
      unban: false,
      revokeSessions: false,
      impersonate: false,
      whyNotImpersonate: "Operators cannot be impersonated.",
    });
    expect(rowFlags(operator, [{ id: "op2", role: "admin" }]).op2?.whyNotImpersonate).toBe(
      "Operators cannot be impersonated.",
    );
    expect(rowFlags(operator, [operator]).op?.whyNotImpersonate).toBe("This is you.");
    expect(rowFlags(support, [{ id: "u", role: "user" }]).u).toMatchObject({
      impersonate: true,
      whyNotImpersonate: null,
    });
  });
});

describe("member flags", () => {
  const rows = [
    { id: "m-owner", role: "owner" },
    { id: "m-admin", role: "admin" },
    { id: "m-member", role: "member" },
  ];

  it("lets only owners touch owners, and nobody but an owner change their own role", () => {
    const admin = memberFlags({ id: "m-admin", role: "admin", may: { update: true, delete: true } }, rows);
    expect(admin["m-owner"]).toEqual({ changeRole: false, remove: false, transfer: false });
    expect(admin["m-admin"]).toEqual({ changeRole: false, remove: false, transfer: false });
    expect(admin["m-member"]).toEqual({ changeRole: true, remove: true, transfer: false });
    const owner = memberFlags({ id: "m-owner", role: "owner", may: { update: true, delete: true } }, rows);
    expect(owner["m-admin"]).toEqual({ changeRole: true, remove: true, transfer: true });
    expect(owner["m-owner"]).toMatchObject({ remove: false, transfer: false });
  });

  it("follows a custom role's grants", () => {
    const recruiter = memberFlags({ id: "m-r", role: "recruiter", may: { update: false, delete: true } }, rows);
    expect(recruiter["m-member"]).toEqual({ changeRole: false, remove: true, transfer: false });
  });
});
