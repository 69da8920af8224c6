import { drizzle } from "drizzle-orm/libsql";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fromLibsql } from "@/db/database";
import * as schema from "@/db/schema";
import { createAuth, SESSION_COOKIE_CACHE_SECONDS } from "@/lib/auth/create-auth";
import { createHarness, type Harness } from "@/test/auth-harness";
import { withoutCookie } from "./session-cache-scope";

let h: Harness;
let auth: ReturnType<typeof createAuth>;
let statements = 0;

beforeAll(async () => {
  h = await createHarness();
  // The project's auth over the same database, counting the SQL statements it issues.
  const logger = {
    logQuery: () => {
      statements += 1;
    },
  };
  const counted = fromLibsql(drizzle(h.client, { schema, logger }));
  auth = createAuth(counted, {
    BETTER_AUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789",
    BETTER_AUTH_URL: h.baseURL,
    RESEND_API_KEY: "re_test",
    RESEND_BASE_URL: h.sink.url,
  });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  vi.useRealTimers();
});

async function queries<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  statements = 0;
  const result = await run();
  return { result, statements };
}

/** A signed-in browser's cookie header (session token and the cookie cache). */
async function signIn(email: string) {
  const password = "correct-horse-1";
  await auth.api.createUser({ body: { name: "Casey Cache", email, password, data: { emailVerified: true } } });
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookies = headers.getSetCookie().map((c) => c.split(";")[0] as string);
  expect(cookies.some((c) => c.includes("better-auth.session_data="))).toBe(true);
  return new Headers({ cookie: cookies.join("; ") });
}

const status = (error: unknown) => (error as { statusCode?: number }).statusCode;

describe("the session cookie cache", () => {
  it("answers get-session without D1 while valid; with disableCookieCache it reads D1 (one query)", async () => {
    const headers = await signIn("cache-hit@example.test");
    const cached = await queries(() => auth.api.getSession({ headers }));
    expect(cached.result?.user.email).toBe("cache-hit@example.test");
    expect(cached.statements).toBe(0);
    const fresh = await queries(() => auth.api.getSession({ headers, query: { disableCookieCache: true } }));
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
    await expect(auth.api.updateUser({ headers, body: { name: "Mallory" } })).rejects.toSatisfy(
      (error) => status(error) === 401,
    );
    await expect(
      auth.api.createOrganization({ headers, body: { name: "Replay Org", slug: "replay-org" } }),
    ).rejects.toSatisfy((error) => status(error) === 401);

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
