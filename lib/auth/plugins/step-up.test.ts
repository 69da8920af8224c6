// Step-up through better-auth's own API and HTTP handler: a session older than 15 minutes is refused the sensitive
// changes, and nothing changes; signing in again (with the second factor when there is one) makes it possible.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { session as sessionTable, user as userTable } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { cookieJar, expectRefused } from "@/test/http";
import { authenticator, secretFromUri } from "@/test/totp";
import { FRESH_SIGN_IN_REQUIRED, needsStepUp } from "./step-up";

let h: Harness;
let counter = 0;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

async function createUser(role: "admin" | "user" = "user") {
  counter += 1;
  const email = `step-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name: `Sam ${counter}`, email, password: PASSWORD, role, data: { emailVerified: true } },
  });
  return { id: user.id, email };
}

/** Signs in; returns the browser and the session token. */
async function signIn(email: string, password = PASSWORD) {
  const browser = cookieJar();
  const res = await h.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  browser.take(res.headers);
  return { browser, token: res.response.token };
}

/** Makes a session look as if it began `minutes` ago. */
async function age(token: string, minutes: number) {
  await h.db
    .update(sessionTable)
    .set({ createdAt: new Date(Date.now() - minutes * 60_000) })
    .where(eq(sessionTable.token, token));
}

async function userRow(id: string) {
  const [row] = await h.db.select().from(userTable).where(eq(userTable.id, id));
  return row;
}

async function canSignIn(email: string, password: string) {
  return h.auth.api.signInEmail({ body: { email, password } }).then(
    () => true,
    () => false,
  );
}

const refused = { code: FRESH_SIGN_IN_REQUIRED, status: 403 };

describe("step-up for the operator's sensitive actions", { timeout: 120_000 }, () => {
  it("a session older than 15 minutes is refused ban, role, password, 2FA reset, impersonation and deletion; nothing changes", async () => {
    const op = await createUser("admin");
    const target = await createUser();
    const { browser, token } = await signIn(op.email);
    await age(token, 16);
    const headers = browser.headers();
    const api = h.auth.api;

    await expectRefused(api.banUser({ headers, body: { userId: target.id, banReason: "Spam reports" } }), refused);
    await expectRefused(api.setRole({ headers, body: { userId: target.id, role: "admin" } }), refused);
    await expectRefused(
      api.adminUpdateUser({ headers, body: { userId: target.id, data: { email: "taken-over@example.test" } } }),
      refused,
    );
    await expectRefused(
      api.setUserPassword({ headers, body: { userId: target.id, newPassword: "taken-over-123" } }),
      refused,
    );
    await expectRefused(api.resetUserTwoFactor({ headers, body: { userId: target.id } }), refused);
    // `reason` is not in the admin plugin's body type; our policy plugin requires it.
    const impersonation: { userId: string; reason: string } = { userId: target.id, reason: "Checking their invoices" };
    await expectRefused(api.impersonateUser({ headers, body: impersonation }), refused);
    await expectRefused(api.removeUser({ headers, body: { userId: target.id } }), refused);

    expect(await userRow(target.id)).toMatchObject({ banned: false, role: "user", email: target.email });
    expect(await canSignIn(target.email, PASSWORD)).toBe(true);
    const impersonations = await h.db.select().from(sessionTable).where(eq(sessionTable.userId, target.id));
    expect(impersonations.every((s) => !s.impersonatedBy)).toBe(true);

    // What is not sensitive still works with the old session.
    const renamed = await api.adminUpdateUser({ headers, body: { userId: target.id, data: { name: "Renamed" } } });
    expect(renamed).toMatchObject({ name: "Renamed" });
  });

  it("the same refusal over HTTP, as JSON with the code", async () => {
    const op = await createUser("admin");
    const target = await createUser();
    const { browser, token } = await signIn(op.email);
    await age(token, 20);
    const res = await h.auth.handler(
      new Request(`${h.baseURL}/api/auth/admin/ban-user`, {
        method: "POST",
        headers: {
          cookie: browser.headers().get("cookie") ?? "",
          origin: h.baseURL,
          "content-type": "application/json",
          "cf-connecting-ip": "192.0.2.78",
        },
        body: JSON.stringify({ userId: target.id, banReason: "Spam reports" }),
      }),
    );
    const answer = await expectRefused(res, refused);
    expect(answer.message).toContain("15 minutes");
    expect(await userRow(target.id)).toMatchObject({ banned: false });
  });

  it("a session of 14 minutes may, and signing in again makes a stale operator fresh", async () => {
    const op = await createUser("admin");
    const first = await createUser();
    const second = await createUser();
    const { browser, token } = await signIn(op.email);
    await age(token, 14);
    await h.auth.api.banUser({ headers: browser.headers(), body: { userId: first.id, banReason: "Spam reports" } });
    expect(await userRow(first.id)).toMatchObject({ banned: true });

    await age(token, 30);
    const again = await signIn(op.email);
    await h.auth.api.banUser({ headers: again.browser.headers(), body: { userId: second.id, banReason: "Spam" } });
    expect(await userRow(second.id)).toMatchObject({ banned: true });
  });

  it("an operator with two-factor gets fresh only with the second factor too", async () => {
    const op = await createUser("admin");
    const target = await createUser();
    const { browser, token } = await signIn(op.email);
    const enabled = await h.auth.api.enableTwoFactor({ headers: browser.headers(), body: { password: PASSWORD } });
    if (enabled.method !== "totp") throw new Error("expected a TOTP enrolment");
    const app = authenticator(secretFromUri(enabled.totpURI));
    const confirmed = await h.auth.api.verifyTOTP({
      headers: browser.headers(),
      body: { code: app.freshCode() },
      returnHeaders: true,
    });
    browser.take(confirmed.headers);
    const current = await h.auth.api.getSession({ headers: browser.headers() });
    await age(current?.session.token ?? token, 16);
    await expectRefused(
      h.auth.api.setRole({ headers: browser.headers(), body: { userId: target.id, role: "support" } }),
      refused,
    );

    // The password alone yields a pending challenge, not a session.
    const step = cookieJar();
    const signedIn = await h.auth.api.signInEmail({
      body: { email: op.email, password: PASSWORD },
      returnHeaders: true,
    });
    expect(signedIn.response).toMatchObject({ twoFactorRedirect: true });
    step.take(signedIn.headers);
    // No session at all: better-auth's own 401, which carries no code.
    await expectRefused(h.auth.api.setRole({ headers: step.headers(), body: { userId: target.id, role: "support" } }), {
      code: undefined,
      status: 401,
    });
    expect(await userRow(target.id)).toMatchObject({ role: "user" });

    const verified = await h.auth.api.verifyTOTP({
      headers: step.headers(),
      body: { code: app.freshCode() },
      returnHeaders: true,
    });
    step.take(verified.headers);
    await h.auth.api.setRole({ headers: step.headers(), body: { userId: target.id, role: "support" } });
    expect(await userRow(target.id)).toMatchObject({ role: "support" });
  });
});

describe("step-up for the user's own password", { timeout: 60_000 }, () => {
  it("change-password needs a fresh sign-in: refused and unchanged when stale, done when fresh", async () => {
    const user = await createUser();
    const { browser, token } = await signIn(user.email);
    await age(token, 16);
    await expectRefused(
      h.auth.api.changePassword({
        headers: browser.headers(),
        body: { currentPassword: PASSWORD, newPassword: "new-password-456" },
      }),
      refused,
    );
    expect(await canSignIn(user.email, PASSWORD)).toBe(true);

    const fresh = await signIn(user.email);
    await h.auth.api.changePassword({
      headers: fresh.browser.headers(),
      body: { currentPassword: PASSWORD, newPassword: "new-password-456" },
    });
    expect(await canSignIn(user.email, "new-password-456")).toBe(true);
  });

  it("names exactly the sensitive endpoints (and update-user only for sensitive fields)", () => {
    expect(needsStepUp("/admin/update-user", { data: { name: "x" } })).toBe(false);
    expect(needsStepUp("/admin/update-user", { data: { email: "new@example.test" } })).toBe(true);
    expect(needsStepUp("/change-email", { newEmail: "new@example.test" })).toBe(true);
    expect(needsStepUp("/admin/unban-user", {})).toBe(false);
    expect(needsStepUp("/admin/revoke-user-sessions", {})).toBe(false);
    expect(needsStepUp("/delete-user", {})).toBe(true);
  });
});
