// Social sign-in through better-auth's handler against a real OpenID provider on loopback (oidc-provider): sign-up
// with the claims, the second factor after the provider, step-up, the links refused, and a tampered state.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { account as accountTable, auditEvent, session as sessionTable, user as userTable } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { oidcBrowser } from "@/test/oidc-flow";
import { OIDC_CLIENT, startOidcProvider, type TestOidcProvider } from "@/test/oidc-provider";

const BASE_URL = "http://localhost:3999";
let op: TestOidcProvider;
let h: Harness;
beforeAll(async () => {
  op = await startOidcProvider({ redirectUris: [`${BASE_URL}/api/auth/callback/oidc`] });
  h = await createHarness({
    BETTER_AUTH_URL: BASE_URL,
    OIDC_DISCOVERY_URL: op.discoveryUrl,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  });
});
afterAll(async () => {
  await h.close();
  await op.close();
});

let counter = 0;
function next(prefix: string) {
  counter += 1;
  return { email: `${prefix}-${counter}@example.test`, ip: `192.0.2.${counter}` };
}

async function rows(userId: string, action: string) {
  return h.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.targetUserId, userId), eq(auditEvent.action, action)));
}

describe("signing in through the OpenID provider", () => {
  it("creates the account from the claims (verified address, name, picture) and records it", async () => {
    const { email, ip } = next("new-person");
    const browser = oidcBrowser(h, ip);
    const answer = await browser.signIn(email);
    expect(answer).toEqual({ status: 302, location: "/" });
    const session = await browser.session();
    expect(session?.user).toMatchObject({ name: "New Person Example", image: expect.stringMatching(/^https:\/\//) });
    const [user] = await h.db.select().from(userTable).where(eq(userTable.email, email));
    expect(user?.emailVerified).toBe(true);
    const [row] = await rows(user?.id ?? "", "user.sign_in.social");
    expect(row?.metadata).toMatchObject({ providerId: "oidc", newUser: true, stepUp: false });
  });

  it("asks an account with two-factor for it: no session, the challenge set, /two-factor next", async () => {
    const { email, ip } = next("second-factor");
    await h.auth.api.createUser({ body: { name: "Sec", email, password: PASSWORD, data: { emailVerified: true } } });
    const signedIn = await h.signIn(email);
    await h.auth.api.enableTwoFactor({ headers: signedIn.headers, body: { password: PASSWORD, method: "otp" } });
    const browser = oidcBrowser(h, ip);
    const answer = await browser.signIn(email, { callbackURL: "/account/profile" });
    expect(answer).toEqual({ status: 302, location: `${BASE_URL}/two-factor?next=%2Faccount%2Fprofile` });
    expect(await browser.session()).toBeNull();
    expect(browser.jar.has("two_factor")).toBe(true);
    const challenge = await h.auth.api.getTwoFactorChallenge({ headers: browser.jar.headers() });
    expect(challenge).toMatchObject({ pending: true, methods: ["otp"] });
  });

  it("from a browser signed in to the same account, is a step-up: the stale session ends", async () => {
    const { email, ip } = next("step-up");
    const browser = oidcBrowser(h, ip);
    await browser.signIn(email);
    const before = await browser.session();
    const userId = before?.user.id ?? "";
    await browser.signIn(email);
    const sessions = await h.db.select().from(sessionTable).where(eq(sessionTable.userId, userId));
    expect(sessions).toHaveLength(1);
    const stepUps = (await rows(userId, "user.sign_in.social")).filter((r) => r.metadata?.stepUp === true);
    expect(stepUps).toHaveLength(1);
  });
});

describe("what a provider cannot do", () => {
  it("join an existing account with an address it did not verify", async () => {
    const { email, ip } = next("unverified-claim");
    await h.auth.api.createUser({ body: { name: "Owner", email, password: PASSWORD, data: { emailVerified: true } } });
    const answer = await oidcBrowser(h, ip).signIn(`${email}!unverified`);
    expect(answer.location).toBe(`${BASE_URL}/sign-in?error=account_not_linked`);
    const [owner] = await h.db.select().from(userTable).where(eq(userTable.email, email));
    const accounts = await h.db
      .select()
      .from(accountTable)
      .where(eq(accountTable.userId, owner?.id ?? ""));
    expect(accounts.map((a) => a.providerId)).toEqual(["credential"]);
  });

  it("take over an account someone registered with the address and never verified", async () => {
    const { email, ip } = next("squatted");
    await h.auth.api.signUpEmail({ body: { name: "Squatter", email, password: "squatter-pass-1" } });
    const answer = await oidcBrowser(h, ip).signIn(email);
    expect(answer.location).toBe(`${BASE_URL}/sign-in?error=account_not_linked`);
    const [squatted] = await h.db.select().from(userTable).where(eq(userTable.email, email));
    expect(squatted?.emailVerified).toBe(false);
  });

  it("finish a sign-in whose state was tampered with", async () => {
    const { email, ip } = next("tampered");
    const browser = oidcBrowser(h, ip);
    const answer = await browser.signIn(email, {
      tamper: (url) => url.searchParams.set("state", `${url.searchParams.get("state")}x`),
    });
    expect(answer.location).toMatch(
      new RegExp(`^${BASE_URL}/sign-in\\?error=(state_mismatch|please_restart_the_process)`),
    );
    expect(await browser.session()).toBeNull();
    expect(await h.db.select().from(userTable).where(eq(userTable.email, email))).toHaveLength(0);
  });
});

describe("linking and unlinking from the account", () => {
  it("links with the same verified address (fresh sign-in), records it, and unlinks, never the last one", async () => {
    const { email, ip } = next("linker");
    await h.auth.api.createUser({ body: { name: "Linker", email, password: PASSWORD, data: { emailVerified: true } } });
    const browser = oidcBrowser(h, ip);
    const signIn = await browser.call("POST", "/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    const answer = await browser.signIn(email, { link: true, callbackURL: "/account/profile?linked=1" });
    expect(answer.location).toBe("/account/profile?linked=1");
    const userId = (await browser.session())?.user.id ?? "";
    const linked = await h.db.select().from(accountTable).where(eq(accountTable.userId, userId));
    expect(linked.map((a) => a.providerId).sort()).toEqual(["credential", "oidc"]);
    expect(await rows(userId, "user.account.link")).toHaveLength(1);

    const oidcAccount = linked.find((a) => a.providerId === "oidc");
    expect((await browser.call("POST", "/unlink-account", { accountId: oidcAccount?.id })).status).toBe(200);
    const [row] = await rows(userId, "user.account.unlink");
    expect(row?.metadata).toMatchObject({ providerId: "oidc" });
    const credential = linked.find((a) => a.providerId === "credential");
    const last = await browser.call("POST", "/unlink-account", { accountId: credential?.id });
    expect(last.status).toBe(400);
    expect(((await last.json()) as { code?: string }).code).toBe("FAILED_TO_UNLINK_LAST_ACCOUNT");
  });
});
