import { beforeEach, describe, expect, it, vi } from "vitest";

type Answer = { data: unknown; error: { code?: string; message?: string; status?: number } | null };
const calls: Array<[string, unknown]> = [];
let answer: (method: string, body: unknown) => Answer = () => ({ data: {}, error: null });

// better-auth's client: every organization method records its call and answers with `answer`.
vi.mock("@/lib/auth/load-client", () => {
  const organization = new Proxy(
    {},
    {
      get: (_, method: string) => async (body: unknown) => {
        calls.push([method, body]);
        return answer(method, body);
      },
    },
  );
  return { loadAuthClient: async () => ({ organization }), preloadAuthClient: () => {} };
});
vi.mock("@/lib/actions/organization/transfer-ownership", () => ({
  transferOwnershipAction: async () => ({ ok: true, message: "Ownership transferred.", data: { newOwner: "u2" } }),
}));

const writes = await import("./writes");

beforeEach(() => {
  calls.length = 0;
  answer = () => ({ data: {}, error: null });
});

describe("organization writes", () => {
  it("answer in the console's words, with the code, and keep better-auth's data to themselves", async () => {
    expect(await writes.createTeam("org1", "Platform")).toEqual({ ok: true, message: "Team Platform created" });
    expect(calls).toEqual([["createTeam", { name: "Platform", organizationId: "org1" }]]);
    answer = () => ({ data: null, error: { code: "ROLE_IS_ASSIGNED_TO_MEMBERS", status: 400 } });
    expect(await writes.deleteRole("org1", { id: "r1", name: "recruiter" })).toEqual({
      ok: false,
      error: "This role is still assigned to members. Give them another role first.",
      code: "ROLE_IS_ASSIGNED_TO_MEMBERS",
    });
  });

  it("create an organization and give back where it lives", async () => {
    answer = () => ({ data: { id: "o1", name: "Acme", slug: "acme", members: [] }, error: null });
    expect(await writes.createOrganization({ name: "Acme", slug: "acme" })).toEqual({
      ok: true,
      message: "Created Acme",
      data: { name: "Acme", slug: "acme" },
    });
  });

  it("invite each address on its own and report the ones that failed", async () => {
    answer = (_, body) =>
      (body as { email: string }).email === "b@example.com"
        ? { data: null, error: { code: "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION", status: 400 } }
        : { data: {}, error: null };
    const result = await writes.inviteMembers({
      organizationId: "org1",
      emails: ["a@example.com", "b@example.com", "c@example.com"],
      role: "recruiter",
      teamId: undefined,
    });
    expect(result).toEqual({
      ok: true,
      message: "2 invitations sent",
      data: { sent: 2, failed: [{ email: "b@example.com", message: "Already a member of this organization." }] },
    });
    expect(calls[0]).toEqual(["inviteMember", { email: "a@example.com", role: "recruiter", organizationId: "org1" }]);
  });

  it("retire an expired invitation's old link when resending it", async () => {
    const expired = { id: "i1", email: "a@example.com", role: "member", expiresAt: new Date(Date.now() - 1000) };
    expect(await writes.resendInvitation("org1", expired)).toEqual({
      ok: true,
      message: "Invitation resent to a@example.com",
    });
    expect(calls.map(([method]) => method)).toEqual(["inviteMember", "cancelInvitation"]);
    calls.length = 0;
    await writes.resendInvitation("org1", { ...expired, expiresAt: new Date(Date.now() + 60_000) });
    expect(calls.map(([method]) => method)).toEqual(["inviteMember"]);
  });

  it("refuse a role without a permission before asking, and send only the ticked resources", async () => {
    expect(await writes.createRole("org1", "empty", { team: [] })).toMatchObject({ ok: false, code: "NO_PERMISSION" });
    expect(calls).toEqual([]);
    await writes.updateRolePermissions("org1", { id: "r1", name: "recruiter" }, { team: [], invitation: ["create"] });
    expect(calls).toEqual([
      ["updateRole", { roleId: "r1", organizationId: "org1", data: { permission: { invitation: ["create"] } } }],
    ]);
  });

  it("word a transfer of ownership after the member", async () => {
    expect(await writes.transferOwnership("acme", { id: "m2", name: "Hal" })).toEqual({
      ok: true,
      message: "Hal is now the owner; you are an admin",
    });
  });
});
