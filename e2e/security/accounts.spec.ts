// Abuse cases about people rather than tenants: operators against operators, impersonation stretched past its
// rules, banned users, second factors guessed or replayed, tokens reused, sessions fixed. Each checks the refusal
// and that nothing changed, through better-auth's client SDK over HTTP.
import { authenticator, secretFromUri } from "../../test/totp";
import { BASE_URL, OPERATOR, SINK_URL } from "../config";
import { expect, otherIp, test, uniqueEmail } from "../fixtures";
import { extractLink, waitForMail } from "../mail";
import { createSdkClient } from "../sdk-client";
import { createUser, live, signedIn, staff, userAsSeenBy } from "./helpers";

test.describe("operator against operator", () => {
  test("an operator cannot ban, re-role, set the password of, impersonate or delete another operator", async ({
    clientIp,
  }) => {
    const operator = await staff("operator", clientIp);
    const peer = await createUser(operator, uniqueEmail("peer-operator"), { role: "admin", name: "Peer Operator" });
    const peerSession = await signedIn(peer, otherIp(clientIp, 59));

    const attempts = await Promise.all([
      operator.client.admin.banUser({ userId: peer.id, banReason: "Operators banning operators" }),
      operator.client.admin.setRole({ userId: peer.id, role: "user" }),
      operator.client.admin.setUserPassword({ userId: peer.id, newPassword: "taken-over-password-1" }),
      operator.client.admin.impersonateUser({ userId: peer.id, reason: "Looking over their shoulder" } as {
        userId: string;
      }),
      operator.client.admin.removeUser({ userId: peer.id }),
    ]);
    expect(attempts.map((attempt) => attempt.error?.status)).toEqual([403, 403, 403, 403, 403]);

    const seen = await userAsSeenBy(operator, peer.id);
    expect(seen).toMatchObject({ role: "admin", banned: false });
    expect(await live(peerSession.client)).not.toBeNull();
    expect((await signedIn(peer, otherIp(clientIp, 58))).client).toBeTruthy(); // the password still works
  });

  test("nobody changes their own platform role, operators included", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const me = await live(operator.client);
    const demote = await operator.client.admin.setRole({ userId: me?.user.id ?? "", role: "user" });
    expect(demote.error?.status).toBe(403);
    expect((await live(operator.client))?.user.role).toBe("admin");
  });

  test("support can neither punish nor impersonate an operator", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const support = await staff("support", otherIp(clientIp, 51));
    const target = await createUser(operator, uniqueEmail("support-target"));
    const operatorId = (await live(operator.client))?.user.id ?? "";

    const attempts = await Promise.all([
      support.client.admin.banUser({ userId: target.id, banReason: "Support should not ban" }),
      support.client.admin.setRole({ userId: target.id, role: "admin" }),
      support.client.admin.setUserPassword({ userId: target.id, newPassword: "support-set-password-1" }),
      support.client.admin.removeUser({ userId: target.id }),
      support.client.admin.impersonateUser({ userId: operatorId, reason: "Support looking at an operator" } as {
        userId: string;
      }),
    ]);
    for (const attempt of attempts) expect(attempt.error?.status).toBe(403);
    expect(await userAsSeenBy(operator, target.id)).toMatchObject({ role: "user", banned: false });
    expect((await live(support.client))?.user.email).not.toBe(OPERATOR.email);
    expect((await signedIn(target, otherIp(clientIp, 52))).client).toBeTruthy();
  });
});

test.describe("impersonation abuse", () => {
  test("an impersonation session cannot reach operator endpoints nor start another impersonation", async ({
    clientIp,
  }) => {
    const operator = await staff("operator", clientIp);
    const [first, second] = await Promise.all([
      createUser(operator, uniqueEmail("imp-first")),
      createUser(operator, uniqueEmail("imp-second")),
    ]);
    const impersonator = await staff("operator", otherIp(clientIp, 51));
    const started = await impersonator.client.admin.impersonateUser({
      userId: first.id,
      reason: "Reproducing a reported bug",
    } as { userId: string });
    expect(started.error).toBeNull();

    const chained = await impersonator.client.admin.impersonateUser({
      userId: second.id,
      reason: "Hopping on to someone else",
    } as { userId: string });
    expect(chained.error?.status).toBe(403);
    expect((await impersonator.client.admin.listUsers({ query: {} })).error?.status).toBe(403);
    expect(
      (await impersonator.client.admin.banUser({ userId: second.id, banReason: "From inside" })).error,
    ).not.toBeNull();
    expect((await live(impersonator.client))?.user.id).toBe(first.id);
    expect(await userAsSeenBy(operator, second.id)).toMatchObject({ banned: false });
  });

  test("while impersonating, email, password, two-factor and deletion stay as they were", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("imp-locked"));
    const impersonator = await staff("operator", otherIp(clientIp, 51));
    expect(
      (
        await impersonator.client.admin.impersonateUser({ userId: target.id, reason: "Checking their settings" } as {
          userId: string;
        })
      ).error,
    ).toBeNull();
    const attempts = await Promise.all([
      impersonator.client.changeEmail({ newEmail: uniqueEmail("stolen") }),
      impersonator.client.changePassword({ currentPassword: target.password, newPassword: "stolen-password-1" }),
      impersonator.client.twoFactor.enable({ password: target.password }),
      impersonator.client.deleteUser({ password: target.password }),
    ]);
    for (const attempt of attempts) expect(attempt.error?.status).toBe(403);
    const seen = await userAsSeenBy(operator, target.id);
    expect(seen).toMatchObject({ email: target.email, twoFactorEnabled: false });
    expect((await signedIn(target, otherIp(clientIp, 52))).client).toBeTruthy(); // same password
  });

  test("an impersonation lasts at most an hour and leaves the operator's own session intact", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("imp-hour"));
    const impersonator = await staff("operator", otherIp(clientIp, 51));
    expect(
      (
        await impersonator.client.admin.impersonateUser({ userId: target.id, reason: "Time-boxed support call" } as {
          userId: string;
        })
      ).error,
    ).toBeNull();
    const session = await live(impersonator.client);
    expect(session?.session.impersonatedBy).toBeTruthy();
    expect(new Date(session?.session.expiresAt as Date).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect((await impersonator.client.admin.stopImpersonating()).error).toBeNull();
    expect((await live(impersonator.client))?.user.email).toBe(OPERATOR.email);
  });
});

test.describe("banned users", () => {
  test("a ban ends the open session, refuses sign-in, and a password reset does not lift it", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("banned"));
    const open = await signedIn(target, otherIp(clientIp, 51));
    expect(
      (await operator.client.admin.banUser({ userId: target.id, banReason: "Abuse report 42", banExpiresIn: 86_400 }))
        .error,
    ).toBeNull();
    expect(await live(open.client)).toBeNull();

    const again = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 52) });
    const refused = await again.client.signIn.email({ email: target.email, password: target.password });
    expect(refused.error?.code).toBe("BANNED_USER");
    expect(await live(again.client)).toBeNull();

    const before = new Date();
    await again.client.requestPasswordReset({ email: target.email, redirectTo: "/reset-password" });
    const mail = await waitForMail(SINK_URL, target.email, { subject: /reset/i, after: before });
    const token = new URL(extractLink(mail, "/api/auth/reset-password")).pathname.split("/").pop() ?? "";
    await again.client.resetPassword({ token, newPassword: "post-ban-password-1" });
    const stillRefused = await again.client.signIn.email({ email: target.email, password: "post-ban-password-1" });
    expect(stillRefused.error?.code).toBe("BANNED_USER");
    expect(await userAsSeenBy(operator, target.id)).toMatchObject({ banned: true });
  });

  test("a banned user's replayed session cookie gives nothing", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("banned-replay"));
    const open = await signedIn(target, otherIp(clientIp, 51));
    const saved = open.cookies();
    await operator.client.admin.banUser({ userId: target.id, banReason: "Replay check" });
    open.restore(saved);
    expect(await live(open.client)).toBeNull();
    expect((await open.client.updateUser({ name: "Still here" })).error?.status).toBe(401);
    expect(await userAsSeenBy(operator, target.id)).toMatchObject({ name: "Abuse Target" });
  });
});

test.describe("second factor", () => {
  async function enrolled(clientIp: string) {
    const operator = await staff("operator", clientIp);
    const user = await createUser(operator, uniqueEmail("second-factor"));
    const sdk = await signedIn(user, otherIp(clientIp, 51));
    const enabled = await sdk.client.twoFactor.enable({ password: user.password });
    if (!enabled.data || !("totpURI" in enabled.data)) throw new Error(`enable failed: ${enabled.error?.message}`);
    const app = authenticator(secretFromUri(enabled.data.totpURI));
    expect((await sdk.client.twoFactor.verifyTotp({ code: await app.nextCode() })).error).toBeNull();
    return { user, app, backupCodes: enabled.data.backupCodes };
  }

  /** Password step only: the client holds the two-factor cookie, not a session. */
  async function passwordStep(user: { email: string; password: string }, clientIp: string) {
    const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
    const result = await sdk.client.signIn.email({ email: user.email, password: user.password });
    expect(result.data && "twoFactorRedirect" in result.data && result.data.twoFactorRedirect).toBe(true);
    return sdk;
  }

  test("the password alone gives no session", async ({ clientIp }) => {
    const { user } = await enrolled(clientIp);
    const sdk = await passwordStep(user, otherIp(clientIp, 52));
    expect(await live(sdk.client)).toBeNull();
    expect((await sdk.client.listSessions()).error?.status).toBe(401);
  });

  test("a TOTP code that worked once does not work again", async ({ clientIp }) => {
    const { user, app } = await enrolled(clientIp);
    const first = await passwordStep(user, otherIp(clientIp, 52));
    const code = await app.nextCode();
    expect((await first.client.twoFactor.verifyTotp({ code })).error).toBeNull();
    const second = await passwordStep(user, otherIp(clientIp, 53));
    expect((await second.client.twoFactor.verifyTotp({ code })).error?.status).toBe(401);
    expect(await live(second.client)).toBeNull();
  });

  test("a backup code works once", async ({ clientIp }) => {
    const { user, backupCodes } = await enrolled(clientIp);
    const code = backupCodes[0] ?? "";
    const first = await passwordStep(user, otherIp(clientIp, 52));
    expect((await first.client.twoFactor.verifyBackupCode({ code })).error).toBeNull();
    const second = await passwordStep(user, otherIp(clientIp, 53));
    expect((await second.client.twoFactor.verifyBackupCode({ code })).error?.status).toBe(401);
    expect(await live(second.client)).toBeNull();
  });

  test("guessing codes is cut off by the rate limit, and no guess signs in", async ({ clientIp }) => {
    const { user } = await enrolled(clientIp);
    const sdk = await passwordStep(user, otherIp(clientIp, 52));
    const statuses: number[] = [];
    for (let guess = 0; guess < 14; guess += 1) {
      const { error } = await sdk.client.twoFactor.verifyTotp({ code: String(100000 + guess) });
      statuses.push(error?.status ?? 200);
    }
    expect(statuses).not.toContain(200);
    expect(statuses.at(-1)).toBe(429);
    expect(await live(sdk.client)).toBeNull();
  });
});

test.describe("tokens and sessions", () => {
  test("a password-reset link works once", async ({ clientIp }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("reset-once"));
    const sdk = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 51) });
    const before = new Date();
    await sdk.client.requestPasswordReset({ email: target.email, redirectTo: "/reset-password" });
    const mail = await waitForMail(SINK_URL, target.email, { subject: /reset/i, after: before });
    const token = new URL(extractLink(mail, "/api/auth/reset-password")).pathname.split("/").pop() ?? "";
    expect((await sdk.client.resetPassword({ token, newPassword: "first-reset-password-1" })).error).toBeNull();
    expect((await sdk.client.resetPassword({ token, newPassword: "second-reset-password-2" })).error?.status).toBe(400);
    const signIn = await sdk.client.signIn.email({ email: target.email, password: "first-reset-password-1" });
    expect(signIn.error).toBeNull();
  });

  test("a verification link cannot verify an address it was not sent to", async ({ clientIp }) => {
    const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
    const email = uniqueEmail("verify-once");
    expect(
      (await sdk.client.signUp.email({ name: "Vera Verify", email, password: "verify-password-1" })).error,
    ).toBeNull();
    const mail = await waitForMail(SINK_URL, email, { subject: /verify your email/i });
    const link = new URL(extractLink(mail, "/api/auth/verify-email"));
    const token = link.searchParams.get("token") ?? "";
    // Tampered: the same token with one character of its signature changed is not accepted. Not the last character:
    // base64url's last character of a 32-byte signature carries 2 unused bits, so A↔B (or any of A-D) decodes to the
    // same signature and the "tampered" token stayed valid whenever the token ended in A-D (1 run in 16).
    const dot = token.lastIndexOf(".") + 1;
    const tampered = `${token.slice(0, dot)}${token[dot] === "A" ? "B" : "A"}${token.slice(dot + 1)}`;
    const bad = await fetch(`${BASE_URL}/api/auth/verify-email?token=${encodeURIComponent(tampered)}`, {
      redirect: "manual",
      headers: { "cf-connecting-ip": clientIp },
    });
    // Refused as an invalid token (a redirect carrying the error, or 401), never a 429 from a shared bucket.
    expect([302, 401]).toContain(bad.status);
    const refused = await sdk.client.signIn.email({ email, password: "verify-password-1" });
    expect(refused.error?.code).toBe("EMAIL_NOT_VERIFIED");
  });

  test("a session cookie planted before sign-in is not adopted, and a signed-out cookie is dead", async ({
    clientIp,
  }) => {
    const operator = await staff("operator", clientIp);
    const target = await createUser(operator, uniqueEmail("fixation"));
    const sdk = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 51) });
    const planted = new Map([["better-auth.session_token", "attacker-chosen-token.signature"]]);
    sdk.restore(planted);
    expect(await live(sdk.client)).toBeNull();
    expect((await sdk.client.signIn.email({ email: target.email, password: target.password })).error).toBeNull();
    const issued = sdk.cookies().get("better-auth.session_token") ?? "";
    expect(issued).not.toContain("attacker-chosen-token");

    const saved = sdk.cookies();
    expect((await sdk.client.signOut()).error).toBeNull();
    sdk.restore(saved);
    expect(await live(sdk.client)).toBeNull();
    expect((await sdk.client.listSessions()).error?.status).toBe(401);
  });

  test("the same address signed up twice at once makes one account", async ({ clientIp }) => {
    const email = uniqueEmail("double-signup");
    const clients = [1, 2, 3].map((n) => createSdkClient({ baseURL: BASE_URL, clientIp: `${clientIp}${n}` }));
    await Promise.all(
      clients.map((sdk, n) => sdk.client.signUp.email({ name: `Twin ${n}`, email, password: `twin-password-${n}0` })),
    );
    const operator = await staff("operator", otherIp(clientIp, 54));
    const found = await operator.client.admin.listUsers({
      query: { searchField: "email", searchValue: email, searchOperator: "contains" },
    });
    expect(found.data?.users.filter((u) => u.email === email)).toHaveLength(1);
  });
});
