import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, session as sessionTable, twoFactor, user as userTable } from "@/db/schema";
import { createHarness, type Harness, PASSWORD, signInWith } from "@/test/auth-harness";
import { cookieJar, expectRefused } from "@/test/http";

let h: Harness;
const ids: Record<string, string> = {};

async function createUser(key: string, role: "admin" | "support" | "user") {
  const { user } = await h.auth.api.createUser({
    body: { name: key, email: `${key}@example.test`, password: PASSWORD, role, data: { emailVerified: true } },
  });
  ids[key] = user.id;
  return user.id;
}

/** Request headers of a fresh sign-in (cookie + client address). */
async function signIn(key: string, ip = "203.0.113.7") {
  const { headers } = await h.signIn(`${key}@example.test`, {
    extra: { "cf-connecting-ip": ip, "user-agent": "vitest" },
  });
  return headers;
}

/** The admin plugin adds `impersonatedBy` to sessions; the inferred endpoint type does not show it. */
function impersonator(session: object) {
  return (session as { impersonatedBy?: string | null }).impersonatedBy;
}

async function lastAudit(action: string, targetUserId?: string) {
  const [row] = await h.db
    .select()
    .from(auditEvent)
    .where(
      targetUserId
        ? and(eq(auditEvent.action, action), eq(auditEvent.targetUserId, targetUserId))
        : eq(auditEvent.action, action),
    )
    .orderBy(desc(auditEvent.at))
    .limit(1);
  return row;
}

beforeAll(async () => {
  h = await createHarness();
  await createUser("op", "admin");
  await createUser("op2", "admin");
  await createUser("sup", "support");
  for (const key of ["u1", "u2", "u3", "u4", "u5"]) await createUser(key, "user");
});
afterAll(async () => {
  await h.close();
});

describe("impersonation", () => {
  it("needs a reason of at least 10 characters, on the raw HTTP endpoint too", async () => {
    const headers = await signIn("op");
    const raw = (body: unknown) =>
      h.auth.handler(
        new Request(`${h.baseURL}/api/auth/admin/impersonate-user`, {
          method: "POST",
          headers: { cookie: headers.get("cookie") ?? "", origin: h.baseURL, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    const missing = await raw({ userId: ids.u1 });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      code: "IMPERSONATION_REASON_REQUIRED",
      message: expect.stringContaining("at least 10 characters"),
    });
    expect((await raw({ userId: ids.u1, reason: "too short" })).status).toBe(400);

    const ok = await raw({ userId: ids.u1, reason: "Customer asked for help with invoices" });
    expect(ok.status).toBe(200);
    const row = await lastAudit("impersonation.start", ids.u1);
    expect(row).toMatchObject({ actorUserId: ids.op, reason: "Customer asked for help with invoices" });
  });

  it("mails the user, refuses operator APIs and security changes, lasts at most an hour, and stops back", async () => {
    const opHeaders = await signIn("op");
    const body = { userId: ids.u2 as string, reason: "Reproducing the bug report #42" };
    const started = await h.auth.api.impersonateUser({ body, headers: opHeaders, returnHeaders: true });
    expect(impersonator(started.response.session)).toBe(ids.op);
    const expiresIn = new Date(started.response.session.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeLessThanOrEqual(3600_000);

    const notice = h.sink.messages().find((m) => m.to.includes("u2@example.test"));
    expect(notice?.subject).toMatch(/support signed in/i);
    expect(notice?.text).toContain("Reproducing the bug report #42");

    // The browser now holds the impersonation cookie and the operator's own session in admin_session.
    const jar = cookieJar(opHeaders.get("cookie") ?? "");
    jar.take(started.headers);
    const asUser = jar.headers({ "cf-connecting-ip": "203.0.113.8" });
    const current = await h.auth.api.getSession({ headers: asUser });
    expect(current?.user.id).toBe(ids.u2);

    await expectRefused(h.auth.api.listUsers({ headers: asUser, query: {} }), "NOT_WHILE_IMPERSONATING");
    await expectRefused(
      h.auth.api.changePassword({
        headers: asUser,
        body: { currentPassword: PASSWORD, newPassword: "another-pass-9" },
      }),
      "NOT_WHILE_IMPERSONATING",
    );
    expect(await lastAudit("user.password.change.denied", ids.u2)).toMatchObject({
      actorUserId: ids.u2,
      impersonatorUserId: ids.op,
      metadata: { code: "NOT_WHILE_IMPERSONATING" },
    });
    await expectRefused(
      h.auth.api.deleteUser({ headers: asUser, body: { password: PASSWORD } }),
      "NOT_WHILE_IMPERSONATING",
    );
    await expectRefused(
      h.auth.api.enableTwoFactor({ headers: asUser, body: { password: PASSWORD } }),
      "NOT_WHILE_IMPERSONATING",
    );

    // A refresh (e.g. the client dropped its don't-remember cookie) cannot stretch the session past the hour.
    const token = started.response.session.token;
    await h.db
      .update(sessionTable)
      .set({ createdAt: new Date(Date.now() - 30 * 60_000) })
      .where(eq(sessionTable.token, token));
    const cookieWithoutDontRemember = (asUser.get("cookie") ?? "")
      .split("; ")
      .filter((c) => !c.includes("dont_remember"))
      .join("; ");
    // From D1 (as the console reads it): a get-session answered from the cookie cache refreshes nothing.
    await h.auth.api.getSession({
      headers: new Headers({ cookie: cookieWithoutDontRemember }),
      query: { disableCookieCache: true },
    });
    const [stored] = await h.db.select().from(sessionTable).where(eq(sessionTable.token, token));
    expect(stored?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 1000);

    const stopped = await h.auth.api.stopImpersonating({ headers: asUser });
    expect(stopped.user.id).toBe(ids.op);
    const stopRow = await lastAudit("impersonation.stop", ids.u2);
    expect(stopRow).toMatchObject({ actorUserId: ids.op, impersonatorUserId: null });
  });

  it("sends no notice when IMPERSONATION_NOTICE is off, and still records the impersonation", async () => {
    const quiet = h.createAuth({ IMPERSONATION_NOTICE: "off" });
    const userId = await createUser("quiet", "user");
    const { headers } = await signInWith(quiet, "op@example.test");
    const body = { userId, reason: "Checking a quiet support case" };
    await quiet.api.impersonateUser({ body, headers });
    expect(await lastAudit("impersonation.start", userId)).toMatchObject({ reason: "Checking a quiet support case" });
    expect(h.sink.messages().filter((m) => m.to.includes("quiet@example.test"))).toEqual([]);
  });

  it("is not available against operators, and support may impersonate users only", async () => {
    const op = await signIn("op");
    await expectRefused(
      h.auth.api.impersonateUser({
        body: { userId: ids.op2 as string, reason: "Looking at their settings" },
        headers: op,
      } as never),
      "CANNOT_ACT_ON_OPERATOR",
    );

    const sup = await signIn("sup");
    const asSupport = await h.auth.api.impersonateUser({
      body: { userId: ids.u3 as string, reason: "Customer asked for a walkthrough" } as { userId: string },
      headers: sup,
    });
    expect(impersonator(asSupport.session)).toBe(ids.sup);
    await expectRefused(
      h.auth.api.impersonateUser({
        body: { userId: ids.op as string, reason: "Trying to reach an operator" } as { userId: string },
        headers: sup,
      }),
      "CANNOT_ACT_ON_OPERATOR",
    );
  });
});

describe("bans and roles", () => {
  it("bans with a required reason and expiry, ends the user's sessions, shows until when, and unbans", async () => {
    const op = await signIn("op");
    await signIn("u4");
    await expectRefused(h.auth.api.banUser({ body: { userId: ids.u4 as string }, headers: op }), "BAN_REASON_REQUIRED");

    await h.auth.api.banUser({
      body: { userId: ids.u4 as string, banReason: "Spamming other tenants", banExpiresIn: 86_400 },
      headers: op,
    });
    expect(
      await h.db
        .select()
        .from(sessionTable)
        .where(eq(sessionTable.userId, ids.u4 as string)),
    ).toHaveLength(0);
    const row = await lastAudit("user.ban", ids.u4);
    expect(row).toMatchObject({ actorUserId: ids.op, reason: "Spamming other tenants", ip: "203.0.113.7" });
    expect(row?.metadata?.expiresAt).toEqual(expect.any(String));

    const signInRefused = await expectRefused(
      h.auth.api.signInEmail({ body: { email: "u4@example.test", password: PASSWORD } }),
      "BANNED_USER",
    );
    expect(signInRefused.message).toMatch(/suspended until .* UTC/);

    await h.auth.api.unbanUser({
      body: { userId: ids.u4 as string, reason: "Appeal accepted" } as { userId: string },
      headers: op,
    });
    expect(await lastAudit("user.unban", ids.u4)).toMatchObject({ actorUserId: ids.op, reason: "Appeal accepted" });
    await signIn("u4");
  });

  it("stores ban and impersonation reasons normalized: NFC, no text-direction or control characters", async () => {
    const op = await signIn("op");
    // "Cafe\u0301" is "Café" decomposed; U+202E would show the rest of the line reversed to whoever reads the trail.
    await h.auth.api.banUser({
      body: { userId: ids.u3 as string, banReason: "Cafe\u0301 spam\u202E from \u0007bots" },
      headers: op,
    });
    const [banned] = await h.db
      .select()
      .from(userTable)
      .where(eq(userTable.id, ids.u3 as string));
    expect(banned?.banReason).toBe("Café spam  from  bots");
    expect((await lastAudit("user.ban", ids.u3))?.reason).toBe("Café spam  from  bots");
    await h.auth.api.unbanUser({ body: { userId: ids.u3 as string }, headers: op });

    await expectRefused(
      h.auth.api.banUser({ body: { userId: ids.u3 as string, banReason: "\u202E\u200B\u2066" }, headers: op }),
      "BAN_REASON_REQUIRED",
    );
    await expectRefused(
      h.auth.api.impersonateUser({
        body: { userId: ids.u3 as string, reason: "short\u202E\u202E\u202E\u202E\u202E" } as { userId: string },
        headers: op,
      }),
      "IMPERSONATION_REASON_REQUIRED",
    );
  });

  it("refuses actions on another operator, own role changes, and punishment by support", async () => {
    const op = await signIn("op");
    await expectRefused(
      h.auth.api.banUser({ body: { userId: ids.op2 as string, banReason: "Testing the rules" }, headers: op }),
      "CANNOT_ACT_ON_OPERATOR",
    );
    for (const call of [
      () => h.auth.api.setRole({ body: { userId: ids.op2 as string, role: "user" }, headers: op }),
      () =>
        h.auth.api.setUserPassword({ body: { userId: ids.op2 as string, newPassword: "hijack-pass-1" }, headers: op }),
      () => h.auth.api.removeUser({ body: { userId: ids.op2 as string }, headers: op }),
    ]) {
      await expectRefused(call(), "CANNOT_ACT_ON_OPERATOR");
    }
    await expectRefused(
      h.auth.api.setRole({ body: { userId: ids.op as string, role: "user" }, headers: op }),
      "CANNOT_CHANGE_OWN_ROLE",
    );

    const sup = await signIn("sup");
    await expectRefused(
      h.auth.api.banUser({ body: { userId: ids.u5 as string, banReason: "Support tries a ban" }, headers: sup }),
      "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS",
    );
    expect(await lastAudit("user.ban.denied", ids.u5)).toMatchObject({
      actorUserId: ids.sup,
      reason: "Support tries a ban",
      metadata: { code: "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS" },
    });
    await expectRefused(
      h.auth.api.setRole({ body: { userId: ids.u5 as string, role: "admin" }, headers: sup }),
      "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE",
    );
    await expectRefused(
      h.auth.api.removeUser({ body: { userId: ids.u5 as string }, headers: sup }),
      "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS",
    );
    // Support may list users and revoke a user's sessions, but not an operator's.
    const listed = await h.auth.api.listUsers({ headers: sup, query: { limit: 5 } });
    expect(listed.total).toBeGreaterThan(0);
    await h.auth.api.revokeUserSessions({ body: { userId: ids.u5 as string }, headers: sup });
    expect(await lastAudit("user.sessions.revoke", ids.u5)).toMatchObject({ actorUserId: ids.sup });
    await expectRefused(
      h.auth.api.revokeUserSessions({ body: { userId: ids.op as string }, headers: sup }),
      "SUPPORT_CANNOT_ACT_ON_STAFF",
    );

    await h.auth.api.setRole({ body: { userId: ids.u5 as string, role: "support" }, headers: op });
    expect(await lastAudit("user.role.set", ids.u5)).toMatchObject({ metadata: { from: "user", to: "support" } });
  });
});

describe("two-factor reset and deletion", () => {
  it("removes the second factor, ends sessions, mails and records it in one go", async () => {
    const op = await signIn("op");
    const userId = await createUser("tfa", "user");
    await h.db.insert(twoFactor).values({ id: "tf1", userId, secret: "s", backupCodes: "[]" });
    await h.db.update(userTable).set({ twoFactorEnabled: true }).where(eq(userTable.id, userId));
    await signIn("tfa");

    const result = await h.auth.api.resetUserTwoFactor({ body: { userId, reason: "Lost their phone" }, headers: op });
    expect(result).toMatchObject({ success: true, mailed: true });
    expect(await h.db.select().from(twoFactor).where(eq(twoFactor.userId, userId))).toHaveLength(0);
    const [after] = await h.db.select().from(userTable).where(eq(userTable.id, userId));
    expect(after?.twoFactorEnabled).toBe(false);
    expect(await h.db.select().from(sessionTable).where(eq(sessionTable.userId, userId))).toHaveLength(0);
    expect(await lastAudit("user.two_factor.reset", userId)).toMatchObject({
      actorUserId: ids.op,
      reason: "Lost their phone",
      metadata: { hadTwoFactor: true },
    });
    expect(h.sink.messages().some((m) => m.to.includes("tfa@example.test") && /two-factor/i.test(m.subject))).toBe(
      true,
    );

    const sup = await signIn("sup");
    await expectRefused(
      h.auth.api.resetUserTwoFactor({ body: { userId }, headers: sup }),
      "NOT_ALLOWED_TO_RESET_TWO_FACTOR",
    );
  });

  it("keeps who a deleted user was in the audit row", async () => {
    const op = await signIn("op");
    const userId = await createUser("gone", "user");
    expect(await lastAudit("user.create", userId)).toBeTruthy();
    await h.auth.api.removeUser({ body: { userId }, headers: op });
    const row = await lastAudit("user.delete");
    expect(row).toMatchObject({ actorUserId: ids.op, metadata: { userId, email: "gone@example.test" } });
  });
});

describe("update-user", () => {
  it("changes only name, image, email and verification; two-factor, roles and bans have their own endpoints", async () => {
    const headers = await signIn("op");
    for (const data of [
      { twoFactorEnabled: false },
      { role: "admin" },
      { banned: true },
      { emailVerified: true, twoFactorEnabled: false },
      { createdAt: new Date(0) },
    ]) {
      await expectRefused(
        h.auth.api.adminUpdateUser({ headers, body: { userId: ids.u3 as string, data } }),
        { code: "FIELD_NOT_UPDATABLE", status: 400 },
        JSON.stringify(data),
      );
    }
    const [row] = await h.db
      .select()
      .from(userTable)
      .where(eq(userTable.id, ids.u3 as string));
    expect(row).toMatchObject({ role: "user", banned: false, emailVerified: true });
    const renamed = await h.auth.api.adminUpdateUser({
      headers,
      body: { userId: ids.u3 as string, data: { name: "U3" } },
    });
    expect(renamed).toMatchObject({ name: "U3" });
  });

  it("never turns off another operator's second factor or verification", async () => {
    const headers = await signIn("op");
    await h.db
      .update(userTable)
      .set({ twoFactorEnabled: true })
      .where(eq(userTable.id, ids.op2 as string));
    await expectRefused(
      h.auth.api.adminUpdateUser({ headers, body: { userId: ids.op2 as string, data: { twoFactorEnabled: false } } }),
      "FIELD_NOT_UPDATABLE",
    );
    await expectRefused(
      h.auth.api.adminUpdateUser({ headers, body: { userId: ids.op2 as string, data: { emailVerified: false } } }),
      "CANNOT_ACT_ON_OPERATOR",
    );
    const [row] = await h.db
      .select()
      .from(userTable)
      .where(eq(userTable.id, ids.op2 as string));
    expect(row).toMatchObject({ twoFactorEnabled: true, emailVerified: true });
    await h.db
      .update(userTable)
      .set({ twoFactorEnabled: false })
      .where(eq(userTable.id, ids.op2 as string));
  });

  it("moves an address only with both addresses told, unverified until proven, and recorded from → to", async () => {
    const headers = await signIn("op");
    const target = await createUser("mover", "user");
    await h.auth.api.adminUpdateUser({ headers, body: { userId: target, data: { email: "Moved.Here@example.test" } } });
    const [row] = await h.db.select().from(userTable).where(eq(userTable.id, target));
    expect(row).toMatchObject({ email: "moved.here@example.test", emailVerified: false });
    const mails = h.sink.messages().filter((m) => /email address of your .* account was changed/i.test(m.subject));
    expect(mails.flatMap((m) => m.to)).toEqual(
      expect.arrayContaining(["mover@example.test", "moved.here@example.test"]),
    );
    expect(await lastAudit("user.update", target)).toMatchObject({
      actorUserId: ids.op,
      metadata: { emailFrom: "mover@example.test", emailTo: "moved.here@example.test" },
    });
  });
});
