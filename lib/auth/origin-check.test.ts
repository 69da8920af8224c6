// better-auth's own CSRF and redirect checks, exercised over its HTTP handler the way a browser reaches it:
// cookie-carrying writes from another origin (or none) are refused, and every callbackURL / redirectTo must be a
// relative path or the console's own origin. createAuth turns the check on explicitly: better-auth would skip it
// whenever NODE_ENV is "test".
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { session, user, verification } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";

let h: Harness;
let cookie = "";
let userId = "";
const EVIL = "https://evil.test";

beforeAll(async () => {
  h = await createHarness();
  const created = await h.auth.api.createUser({
    body: {
      name: "Csrf Target",
      email: "target@example.test",
      password: PASSWORD,
      data: { emailVerified: true },
    },
  });
  userId = created.user.id;
  ({ cookie } = await h.signIn("target@example.test"));
});
afterAll(async () => {
  await h.close();
});

let calls = 0;

function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const headers = new Headers(init.headers);
  // Its own client address per call, so better-auth's per-address rate limits never answer instead.
  calls += 1;
  headers.set("cf-connecting-ip", `203.0.113.${calls}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return h.auth.handler(
    new Request(`${h.baseURL}/api/auth${path}`, {
      method: init.method ?? "POST",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
}

async function sessionCount() {
  const [row] = await h.db.select({ n: count() }).from(session).where(eq(session.userId, userId));
  return row?.n ?? 0;
}

async function userCount() {
  const [row] = await h.db.select({ n: count() }).from(user);
  return row?.n ?? 0;
}

describe("cross-site writes with the session cookie", () => {
  it("refuses sign-out and update-user from a foreign origin, and changes nothing", async () => {
    const before = await sessionCount();
    const signOut = await call("/sign-out", { headers: { cookie, origin: EVIL } });
    await expectRefused(signOut, { code: "INVALID_ORIGIN", status: 403 });
    expect(signOut.headers.getSetCookie()).toEqual([]);
    expect(await sessionCount()).toBe(before);

    const update = await call("/update-user", { headers: { cookie, origin: EVIL }, body: { name: "Pwned" } });
    await expectRefused(update, { code: "INVALID_ORIGIN", status: 403 });
    const [row] = await h.db.select({ name: user.name }).from(user).where(eq(user.id, userId));
    expect(row?.name).toBe("Csrf Target");
  });

  it("refuses them without an Origin (or with Origin: null), and accepts the console's own origin", async () => {
    const missing = await call("/update-user", { headers: { cookie }, body: { name: "Pwned" } });
    await expectRefused(missing, { code: "MISSING_OR_NULL_ORIGIN", status: 403 });
    const nullOrigin = await call("/update-user", { headers: { cookie, origin: "null" }, body: { name: "Pwned" } });
    await expectRefused(nullOrigin, { code: "MISSING_OR_NULL_ORIGIN", status: 403 });

    const own = await call("/update-user", { headers: { cookie, origin: h.baseURL }, body: { name: "Csrf Target" } });
    expect(own.status).toBe(200);
  });

  it("refuses a cross-site form navigation that would sign someone in", async () => {
    const response = await call("/sign-in/email", {
      headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" },
      body: { email: "target@example.test", password: PASSWORD },
    });
    await expectRefused(response, { code: "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED", status: 403 });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("trusts no origin but the console's own", async () => {
    expect(new Set((await h.auth.$context).trustedOrigins)).toEqual(new Set([h.baseURL]));
  });
});

describe("callbackURL and redirectTo accept only the console's own paths", () => {
  const foreign = [`${EVIL}/phish`, "//evil.test/phish", "/\\evil.test", "\\\\evil.test", "javascript:alert(1)"];

  it.each(foreign)("sign-up with callbackURL %s is refused before any account exists", async (callbackURL) => {
    const before = await userCount();
    const response = await call("/sign-up/email", {
      headers: { origin: h.baseURL },
      body: { name: "Someone", email: `cb-${before}@example.test`, password: PASSWORD, callbackURL },
    });
    await expectRefused(response, { code: "INVALID_CALLBACK_URL", status: 403 });
    expect(await userCount()).toBe(before);
  });

  it.each(foreign)("a password reset with redirectTo %s is refused and mails nothing", async (redirectTo) => {
    const mails = h.sink.messages().length;
    const [tokensBefore] = await h.db.select({ n: count() }).from(verification);
    const response = await call("/request-password-reset", {
      headers: { origin: h.baseURL },
      body: { email: "target@example.test", redirectTo },
    });
    await expectRefused(response, { code: "INVALID_REDIRECT_URL", status: 403 });
    const [tokensAfter] = await h.db.select({ n: count() }).from(verification);
    expect(tokensAfter?.n).toBe(tokensBefore?.n);
    expect(h.sink.messages().length).toBe(mails);
  });

  it("refuses a foreign callbackURL on sign-in, verification mails and the links in them", async () => {
    const signIn = await call("/sign-in/email", {
      headers: { origin: h.baseURL },
      body: { email: "target@example.test", password: PASSWORD, callbackURL: EVIL },
    });
    await expectRefused(signIn, { code: "INVALID_CALLBACK_URL", status: 403 });
    expect(signIn.headers.getSetCookie()).toEqual([]);

    const resend = await call("/send-verification-email", {
      headers: { origin: h.baseURL },
      body: { email: "target@example.test", callbackURL: EVIL },
    });
    await expectRefused(resend, { code: "INVALID_CALLBACK_URL", status: 403 });

    const verify = await call(`/verify-email?token=whatever&callbackURL=${encodeURIComponent(EVIL)}`, {
      method: "GET",
    });
    await expectRefused(verify, { code: "INVALID_CALLBACK_URL", status: 403 });
    expect(verify.headers.get("location")).toBeNull();

    const reset = await call(`/reset-password/some-token?callbackURL=${encodeURIComponent("//evil.test")}`, {
      method: "GET",
    });
    await expectRefused(reset, { code: "INVALID_CALLBACK_URL", status: 403 });
    expect(reset.headers.get("location")).toBeNull();
  });

  it("accepts the console's own relative paths and origin", async () => {
    const relative = await call("/request-password-reset", {
      headers: { origin: h.baseURL },
      body: { email: "target@example.test", redirectTo: "/reset-password" },
    });
    expect(relative.status).toBe(200);
    const absolute = await call("/request-password-reset", {
      headers: { origin: h.baseURL },
      body: { email: "target@example.test", redirectTo: `${h.baseURL}/reset-password` },
    });
    expect(absolute.status).toBe(200);
  });
});
