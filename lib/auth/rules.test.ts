// The predicates of rules.ts against the real thing: every viewer role × target role × action goes through the
// predicate and through `auth.api` on the project's better-auth, and both must give the same verdict (allowed, or
// the same refusal code and status).
import type { AuthContext } from "better-auth";
import { APIError } from "better-auth/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "@/test/auth-harness";
import { cookieFrom } from "@/test/http";
import { memberCapabilities } from "./org-access";
import { staffMaySeeSessionsOf } from "./permissions";
import { ENDPOINTS } from "./registry";
import {
  canActOnUser,
  canManageMember,
  type MemberAction,
  STAFF_ACTIONS,
  type StaffAction,
  staffActionFor,
} from "./rules";

let h: Harness;
let context: AuthContext;
const PASSWORD = "correct-horse-1";
let counter = 0;

beforeAll(async () => {
  h = await createHarness({ ORG_MAX_PER_USER: "50" });
  context = (await h.auth.$context) as unknown as AuthContext;
});
afterAll(async () => {
  await h.close();
});

type Outcome = { ok: true } | { ok: false; code: unknown; status: unknown };

/** What a call ended in: allowed, or the refusal's code and status. */
async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return { ok: true };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return { ok: false, code: error.body?.code, status: error.status };
  }
}

function plain(verdict: Outcome): Outcome {
  return verdict.ok ? { ok: true } : { ok: false, code: verdict.code, status: verdict.status };
}

/** A verified user with these roles (a password only when they must sign in). */
async function newUser(role: string, withPassword = false) {
  counter += 1;
  const email = `rules-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: {
      name: `Rules ${counter}`,
      email,
      ...(withPassword ? { password: PASSWORD } : {}),
      role: role.split(",") as ("admin" | "user")[],
      data: { emailVerified: true },
    },
  });
  return { id: user.id, email, role };
}

async function signIn(email: string) {
  const res = await h.auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  return new Headers({ cookie: cookieFrom(res.headers) });
}

describe("canActOnUser", () => {
  const VIEWERS = ["admin", "support", "user", "support,user", "admin,user"];
  const TARGETS = ["admin", "support", "user", "admin,user", "support,user"];
  const REASON = "Checking the rules table";

  const CALLS: Record<StaffAction, (headers: Headers, userId: string) => Promise<unknown>> = {
    ban: (headers, userId) => h.auth.api.banUser({ headers, body: { userId, banReason: REASON } }),
    unban: (headers, userId) => h.auth.api.unbanUser({ headers, body: { userId } }),
    "set-role": (headers, userId) => h.auth.api.setRole({ headers, body: { userId, role: "user" } }),
    "set-password": (headers, userId) =>
      h.auth.api.setUserPassword({ headers, body: { userId, newPassword: "another-pass-9" } }),
    remove: (headers, userId) => h.auth.api.removeUser({ headers, body: { userId } }),
    "revoke-session": async (headers, userId) => {
      const { token } = await context.internalAdapter.createSession(userId);
      return h.auth.api.revokeUserSession({ headers, body: { sessionToken: token } });
    },
    "revoke-sessions": (headers, userId) => h.auth.api.revokeUserSessions({ headers, body: { userId } }),
    "list-sessions": (headers, userId) => h.auth.api.listUserSessions({ headers, body: { userId } }),
    impersonate: (headers, userId) =>
      h.auth.api.impersonateUser({ headers, body: { userId, reason: REASON } as { userId: string } }),
    "update-user": (headers, userId) =>
      h.auth.api.adminUpdateUser({ headers, body: { userId, data: { name: "Renamed by the rules" } } }),
    "update-email": (headers, userId) =>
      h.auth.api.adminUpdateUser({
        headers,
        body: { userId, data: { email: `moved-${userId}@example.test` } },
      }),
    "reset-two-factor": (headers, userId) => h.auth.api.resetUserTwoFactor({ headers, body: { userId } }),
    unlock: (headers, userId) => h.auth.api.unlockUser({ headers, body: { userId } }),
    "remove-passkey": async (headers, userId) => {
      const passkey = await context.adapter.create<Record<string, unknown>, { id: string }>({
        model: "passkey",
        data: {
          userId,
          name: "Rules key",
          publicKey: "x",
          credentialID: `cred-${userId}`,
          counter: 0,
          deviceType: "singleDevice",
          backedUp: false,
        },
        forceAllowId: false,
      });
      return h.auth.api.removeUserPasskey({ headers, body: { userId, passkeyId: passkey.id } });
    },
  };

  it("has one action for every registry endpoint that acts on a user, and none other", () => {
    const withTarget = Object.entries(ENDPOINTS)
      .filter(([, rule]) => rule.target)
      .map(([path]) => path)
      .sort();
    expect([...new Set(Object.values(STAFF_ACTIONS))].sort()).toEqual(withTarget);
    expect(staffActionFor("/admin/update-user", { name: "x" })).toBe("update-user");
    expect(staffActionFor("/admin/update-user", { emailVerified: true })).toBe("update-email");
    expect(staffActionFor("/admin/list-users")).toBeNull();
  });

  describe.each(VIEWERS)("a %s", (viewerRole) => {
    it.each(Object.keys(CALLS) as StaffAction[])(
      "%s: the predicate and the endpoint agree on every target",
      async (action) => {
        const viewer = await newUser(viewerRole, true);
        const headers = await signIn(viewer.email);
        const expected: Record<string, Outcome> = {};
        const actual: Record<string, Outcome> = {};
        // Oneself last: some of these end the viewer's own sessions.
        for (const targetRole of [...TARGETS, "self"]) {
          const target = targetRole === "self" ? viewer : await newUser(targetRole);
          expected[targetRole] = plain(canActOnUser(viewer, target, action));
          actual[targetRole] = await outcome(CALLS[action](headers, target.id));
        }
        expect(actual).toEqual(expected);
      },
      30_000,
    );
  });

  it("reads comma lists with spaces like without", () => {
    const viewer = { id: "v", role: "support, user" };
    expect(canActOnUser(viewer, { id: "t", role: "user , admin" }, "impersonate")).toEqual({
      ok: false,
      code: "CANNOT_ACT_ON_OPERATOR",
      status: "FORBIDDEN",
    });
    expect(canActOnUser(viewer, { id: "t", role: "user" }, "revoke-sessions")).toEqual({ ok: true });
    expect(canActOnUser({ id: "v", role: " admin ,user" }, { id: "t", role: "user" }, "ban")).toEqual({ ok: true });
  });

  it("agrees with staffMaySeeSessionsOf for staff", () => {
    for (const viewerRole of ["admin", "support", "support,user", "admin,user"]) {
      for (const targetRole of [...TARGETS, "self"]) {
        const viewer = { id: "viewer", role: viewerRole };
        const target = targetRole === "self" ? viewer : { id: "target", role: targetRole };
        expect(staffMaySeeSessionsOf(viewer, target), `${viewerRole} on ${targetRole}`).toBe(
          canActOnUser(viewer, target, "list-sessions").ok,
        );
      }
    }
  });
});

describe("canManageMember", () => {
  const VIEWERS = ["owner", "admin", "member", "manager", "auditor", "member,manager", "admin,owner"];
  const TARGETS = ["owner", "admin", "member", "manager", "admin,member"];
  const ACTIONS: MemberAction[] = ["remove", "change-role"];

  /** An organization founded by its own owner, with the two custom roles of the table. */
  async function organization() {
    counter += 1;
    const founder = await newUser("user", true);
    const headers = await signIn(founder.email);
    const org = await h.auth.api.createOrganization({
      headers,
      body: { name: `Rules ${counter}`, slug: `rules-${counter}` },
    });
    if (!org) throw new Error("no organization");
    await h.auth.api.createOrgRole({
      headers,
      body: { organizationId: org.id, role: "manager", permission: { member: ["update", "delete"] } },
    });
    await h.auth.api.createOrgRole({
      headers,
      body: { organizationId: org.id, role: "auditor", permission: { audit: ["read"] } },
    });
    return org.id;
  }

  async function join(organizationId: string, userId: string, role: string) {
    const added = await h.auth.api.addMember({ body: { organizationId, userId, role: role.split(",") as "member"[] } });
    if (!added) throw new Error("no member");
    return { id: added.id, role: added.role };
  }

  function call(action: MemberAction, headers: Headers, organizationId: string, memberId: string) {
    return action === "remove"
      ? h.auth.api.removeMember({ headers, body: { organizationId, memberIdOrEmail: memberId } })
      : h.auth.api.updateMemberRole({ headers, body: { organizationId, memberId, role: "member" } });
  }

  describe.each(VIEWERS)("a %s", (viewerRole) => {
    it.each(ACTIONS)(
      "%s: the predicate and better-auth agree on every target",
      async (action) => {
        const organizationId = await organization();
        const viewerUser = await newUser("user", true);
        const viewer = await join(organizationId, viewerUser.id, viewerRole);
        const headers = await signIn(viewerUser.email);
        const may = await memberCapabilities(context, { organizationId, role: viewer.role });
        const expected: Record<string, Outcome> = {};
        const actual: Record<string, Outcome> = {};
        for (const targetRole of [...TARGETS, "self"]) {
          const target =
            targetRole === "self" ? viewer : await join(organizationId, (await newUser("user")).id, targetRole);
          const verdict = canManageMember(
            { ...viewer, may: { update: may.updateMembers, delete: may.removeMembers } },
            target,
            action,
          );
          expected[targetRole] = plain(verdict);
          actual[targetRole] = await outcome(call(action, headers, organizationId, target.id));
        }
        expect(actual).toEqual(expected);
      },
      30_000,
    );
  });

  it("knows the built-in roles without being told", () => {
    expect(canManageMember({ role: "admin" }, { role: "member" }, "remove")).toEqual({ ok: true });
    expect(canManageMember({ role: "member" }, { role: "member" }, "change-role")).toEqual({
      ok: false,
      code: "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER",
      status: "FORBIDDEN",
    });
    expect(canManageMember({ role: "admin, member" }, { role: "member , owner" }, "remove")).toEqual({
      ok: false,
      code: "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER",
      status: "BAD_REQUEST",
    });
    expect(canManageMember({ id: "m", role: "admin" }, { id: "m", role: "admin" }, "change-role")).toEqual({
      ok: false,
      code: "YOU_CANNOT_CHANGE_YOUR_OWN_ROLE",
      status: "FORBIDDEN",
    });
  });
});
