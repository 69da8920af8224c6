// Every cookie better-auth sets is HttpOnly and SameSite=Lax, and Secure with the __Secure- prefix whenever the
// base URL is https (better-auth's default for a string baseURL; these tests hold it to that).
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { user } from "@/db/schema";
import { middleware } from "@/middleware";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { parseSetCookies, type SetCookie } from "@/test/http";

function expectHardened(cookies: SetCookie[], secure: boolean) {
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) {
    expect(cookie.attributes.has("httponly"), `${cookie.name} HttpOnly`).toBe(true);
    expect(cookie.attributes.get("samesite")?.toLowerCase(), `${cookie.name} SameSite`).toBe("lax");
    expect(cookie.attributes.get("path"), `${cookie.name} Path`).toBe("/");
    expect(cookie.attributes.has("secure"), `${cookie.name} Secure`).toBe(secure);
    expect(cookie.name.startsWith("__Secure-"), `${cookie.name} prefix`).toBe(secure);
    expect(cookie.attributes.has("domain"), `${cookie.name} Domain`).toBe(false);
  }
}

async function signInOverHttp(h: Harness, email: string, body: Record<string, unknown> = {}) {
  return h.auth.handler(
    new Request(`${h.baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: h.baseURL, "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD, ...body }),
    }),
  );
}

async function createVerifiedUser(h: Harness, email: string) {
  const { user: created } = await h.auth.api.createUser({
    body: { name: "Cookie Tester", email, password: PASSWORD, data: { emailVerified: true } },
  });
  return created.id;
}

describe.each([
  { baseURL: "https://console.example.com", secure: true },
  { baseURL: "http://localhost:3999", secure: false },
])("cookies with base URL $baseURL", ({ baseURL, secure }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ BETTER_AUTH_URL: baseURL });
  });
  afterAll(async () => {
    await h.close();
  });

  it("sets the session cookies of a sign-in HttpOnly, SameSite=Lax, and Secure + __Secure- only over https", async () => {
    await createVerifiedUser(h, "session@example.test");
    const response = await signInOverHttp(h, "session@example.test", { rememberMe: false });
    expect(response.status).toBe(200);
    const cookies = parseSetCookies(response.headers);
    const prefix = secure ? "__Secure-" : "";
    expect(cookies.map((c) => c.name)).toEqual(
      expect.arrayContaining([`${prefix}better-auth.session_token`, `${prefix}better-auth.dont_remember`]),
    );
    expectHardened(cookies, secure);

    // The middleware's cheap presence check finds the cookie under either name.
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const next = middleware(new NextRequest(`${baseURL}/account`, { headers: { cookie } }));
    expect(next.headers.get("x-middleware-next")).toBe("1");

    const signOut = await h.auth.handler(
      new Request(`${baseURL}/api/auth/sign-out`, { method: "POST", headers: { origin: baseURL, cookie } }),
    );
    expect(signOut.status).toBe(200);
    expectHardened(parseSetCookies(signOut.headers), secure);
  });

  it("sets the pending two-factor cookie the same way", async () => {
    const id = await createVerifiedUser(h, "two-factor@example.test");
    await h.db.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, id));
    const response = await signInOverHttp(h, "two-factor@example.test");
    expect(await response.json()).toMatchObject({ twoFactorRedirect: true });
    const cookies = parseSetCookies(response.headers);
    expect(cookies.map((c) => c.name)).toContain(`${secure ? "__Secure-" : ""}better-auth.two_factor`);
    expectHardened(cookies, secure);
  });
});
