import { describe, expect, it } from "vitest";
import { describeAction, describeChange, resolveAuditTarget } from "./audit-words";
import { ACTIONS, ENDPOINTS } from "./auth/registry";

const none = { target: null, organization: null, metadata: null };

describe("the operator trail's words", () => {
  it("reads each action as a sentence, the organization log's for organization actions", () => {
    expect(describeAction("user.ban")).toBe("Banned a user");
    expect(describeAction("member.role.update")).toBe("Changed a role");
    expect(describeAction("user.ban.denied")).toBe("Refused: banned a user");
    expect(describeAction("user.two_factor.totp_uri")).toBe("User two factor totp uri");
  });

  it("has a sentence of its own for every change the registry classifies, not words made from the code", () => {
    const rules = [...Object.values(ENDPOINTS), ...Object.values(ACTIONS)];
    const changes = [...new Set(rules.filter((rule) => rule.kind === "write").map((rule) => rule.action))];
    const fromCode = (action: string) => action.replaceAll(/[._]+/g, " ").toLowerCase();
    expect(changes.filter((action) => describeAction(action).toLowerCase() === fromCode(action))).toEqual([]);
    expect(describeAction("user.sign_in.passkey")).toBe("Signed in with a passkey");
  });

  it("writes a role change as from → to", () => {
    expect(describeChange({ from: "member", to: "admin" })).toBe("member → admin");
    expect(describeChange({ from: null, to: ["admin", "support"] })).toBe("none → admin, support");
    expect(describeChange({ email: "x@example.com" })).toBeNull();
  });

  it("names the invitee of an invitation without an account, not a deleted user", () => {
    const row = { ...none, action: "invitation.create", metadata: { email: "new@example.com", role: "member" } };
    expect(resolveAuditTarget(row)).toEqual({ kind: "invitee", email: "new@example.com", userId: null });
    expect(resolveAuditTarget({ ...row, action: "invitation.cancel.denied" })).toEqual({
      kind: "invitee",
      email: "new@example.com",
      userId: null,
    });
    const invitee = { id: "u9", name: "New", email: "new@example.com" };
    expect(resolveAuditTarget({ ...row, invitee })).toEqual({
      kind: "invitee",
      email: "new@example.com",
      userId: "u9",
    });
  });

  it("names teams, roles and organizations by name, and only a user who is gone as deleted", () => {
    expect(resolveAuditTarget({ ...none, action: "team.create", metadata: { teamId: "t1", name: "Ops" } })).toEqual({
      kind: "team",
      label: "Ops",
    });
    expect(resolveAuditTarget({ ...none, action: "role.delete", metadata: { role: "auditor" } })).toEqual({
      kind: "role",
      label: "auditor",
    });
    const organization = { id: "o1", name: "Acme", slug: "acme" };
    expect(resolveAuditTarget({ ...none, action: "organization.update", organization })).toEqual({
      kind: "organization",
      label: "Acme",
    });
    const gone = { id: "u1", name: null, email: null };
    expect(
      resolveAuditTarget({ ...none, action: "user.delete", target: gone, metadata: { email: "old@example.com" } }),
    ).toEqual({ kind: "deleted-user", label: "old@example.com" });
    const alive = { id: "u2", name: "Ada", email: "ada@example.com" };
    expect(resolveAuditTarget({ ...none, action: "team.member.add", target: alive })).toEqual({ kind: "user" });
  });
});
