// Pages, actions and route handlers read the session through lib/auth/server.ts: the cookies' claim (better-auth's
// signed cookie cache while fresh) confirmed on D1's rows in one call. What they get must be what better-auth's own
// D1 read of the session returns, and nothing the cache still says once D1 says otherwise.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { user } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";

const request = vi.hoisted(() => ({ harness: null as Harness | null, headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("@/db", () => ({ getDb: async () => request.harness?.db, getEnv: async () => ({}) }));
vi.mock("@/lib/auth/auth-for-env", () => ({ authForEnv: () => request.harness?.auth }));
const { getSession, getMyMemberships, sessionCacheRenewIn } = await import("./server");

let h: Harness;
let ada: string;
beforeAll(async () => {
  h = await createHarness();
  request.harness = h;
  const body = { name: "Ada", email: "ada@example.test", password: PASSWORD, data: { emailVerified: true } };
  ada = (await h.auth.api.createUser({ body })).user.id;
  await h.auth.api.createOrganization({ body: { name: "Acme", slug: "acme", userId: ada } });
});
afterAll(() => h.close());

/** The cookie header without better-auth's cookie cache. */
const withoutCache = (cookie: string) =>
  cookie
    .split(";")
    .filter((part) => !part.trim().startsWith("better-auth.session_data"))
    .join(";");

it("gives what better-auth's own D1 read of the session gives, from the cookie cache or without it", async () => {
  const { headers, cookie } = await h.signIn("ada@example.test");
  expect(cookie).toContain("better-auth.session_data=");
  const fromD1 = await h.auth.api.getSession({ headers, query: { disableCookieCache: true } });
  request.headers = headers;
  expect(await getSession()).toEqual(fromD1);
  expect((await getMyMemberships()).map((m) => m.org.slug)).toEqual(["acme"]);
  request.headers = new Headers({ cookie: withoutCache(cookie) });
  expect(await getSession()).toEqual(fromD1);
});

it("takes the user row's role and two-factor state, not the cache's", async () => {
  const { headers } = await h.signIn("ada@example.test");
  await h.db.update(user).set({ role: "admin", twoFactorEnabled: true }).where(eq(user.id, ada));
  request.headers = headers;
  expect((await getSession())?.user).toMatchObject({ role: "admin", twoFactorEnabled: true });
  await h.db.update(user).set({ role: "user", twoFactorEnabled: false }).where(eq(user.id, ada));
});

it("is nobody once the session is revoked, though the cookie cache still describes it", async () => {
  const { headers, token } = await h.signIn("ada@example.test");
  await h.auth.api.revokeSession({ headers: (await h.signIn("ada@example.test")).headers, body: { token } });
  expect(await h.auth.api.getSession({ headers })).not.toBeNull(); // better-auth's cache, for its minute
  request.headers = headers;
  expect(await getSession()).toBeNull();
  expect(await getMyMemberships()).toEqual([]);
});

it("does not take a cache whose token the session cookie does not carry", async () => {
  const { cookie } = await h.signIn("ada@example.test");
  const cache = cookie.split(";").find((part) => part.trim().startsWith("better-auth.session_data"));
  request.headers = new Headers({ cookie: String(cache) }); // the cache alone, no session token
  expect(await getSession()).toBeNull();
  const other = await h.signIn("ada@example.test"); // another session's token beside this cache
  const token = other.cookie.split(";").find((part) => part.trim().startsWith("better-auth.session_token"));
  request.headers = new Headers({ cookie: `${cache}; ${token}` });
  expect((await getSession())?.session.token).toBe(other.token);
});

it("asks the browser to renew the cookie cache 15 s before it expires, or at once when it found none fresh", async () => {
  const { cookie } = await h.signIn("ada@example.test");
  request.headers = new Headers({ cookie });
  const renewIn = await sessionCacheRenewIn();
  expect(renewIn).toBeGreaterThan(40_000);
  expect(renewIn).toBeLessThanOrEqual(45_000);
  request.headers = new Headers({ cookie: withoutCache(cookie) });
  expect(await sessionCacheRenewIn()).toBe(0);
});
