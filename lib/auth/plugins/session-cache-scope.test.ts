import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE_CACHE_SECONDS } from "@/lib/auth/create-auth";
import { createHarness, type Harness, PASSWORD, signInWith } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { withoutCookie } from "./session-cache-scope";

let h: Harness;
let counted: ReturnType<Harness["countingAuth"]>;
let auth: Harness["auth"];

beforeAll(async () => {
  h = await createHarness();
  // The project's auth over the same database, counting the SQL statements it issues.
  counted = h.countingAuth();
  auth = counted.auth;
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A signed-in browser's cookie header (session token and the cookie cache). */
async function signIn(email: string) {
  await auth.api.createUser({
    body: { name: "Casey Cache", email, password: PASSWORD, data: { emailVerified: true } },
  });
  const { headers, cookie } = await signInWith(auth, email);
  expect(cookie).toContain("better-auth.session_data=");
  return headers;
}

describe("the session cookie cache", () => {
  it("answers get-session without D1 while valid; with disableCookieCache it reads D1 (one query)", async () => {
    const headers = await signIn("cache-hit@example.test");
    const cached = await counted.queries(() => auth.api.getSession({ headers }));
    expect(cached.result?.user.email).toBe("cache-hit@example.test");
    expect(cached.statements).toBe(0);
    const fresh = await counted.queries(() => auth.api.getSession({ headers, query: { disableCookieCache: true } }));
    expect(fresh.result?.user.email).toBe("cache-hit@example.test");
    expect(fresh.statements).toBe(1);
  });

  it("after sign-out, replayed cookies act nowhere at once, and get-session stops reporting them within the cache's age", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const headers = await signIn("replay@example.test");
    expect((await auth.api.signOut({ headers })).success).toBe(true);

    // The decision (README, "Performance"): get-session may still describe the session from its signed cache …
    expect((await auth.api.getSession({ headers }))?.user.email).toBe("replay@example.test");
    // … but nothing that decides or acts accepts it: the console's reads bypass the cache,
    expect(await auth.api.getSession({ headers, query: { disableCookieCache: true } })).toBeNull();
    // and better-auth endpoints that trust the cache (organization, update-user) see the cookie removed.
    // (better-auth's session middleware answers without a code; update-user says UNAUTHORIZED.)
    await expectRefused(auth.api.updateUser({ headers, body: { name: "Mallory" } }), {
      code: "UNAUTHORIZED",
      status: 401,
    });
    await expectRefused(auth.api.createOrganization({ headers, body: { name: "Replay Org", slug: "replay-org" } }), {
      code: undefined,
      status: 401,
    });

    vi.setSystemTime(Date.now() + (SESSION_COOKIE_CACHE_SECONDS + 1) * 1000);
    expect(await auth.api.getSession({ headers })).toBeNull();
  });

  it("a live session still acts through the same endpoints", async () => {
    const headers = await signIn("live@example.test");
    const updated = await auth.api.updateUser({ headers, body: { name: "Casey Updated" } });
    expect(updated.status).toBe(true);
  });
});

describe("withoutCookie", () => {
  it("drops the named cookie and its chunks, and says when there was nothing to drop", () => {
    const name = "better-auth.session_data";
    expect(withoutCookie(`a=1; ${name}=x; b=2`, name)).toBe("a=1; b=2");
    expect(withoutCookie(`${name}.0=x; ${name}.1=y; c=3`, name)).toBe(" c=3");
    expect(withoutCookie(`${name}_other=1; a=1`, name)).toBeNull();
    expect(withoutCookie("a=1", name)).toBeNull();
  });
});
