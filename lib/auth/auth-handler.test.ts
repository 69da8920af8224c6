import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { cachedAuthHandler } from "./auth-handler";

// The cached router must answer every request exactly as better-auth's own handler does: same statuses, same codes,
// same session; only the router's construction is shared between requests.
describe("cachedAuthHandler", () => {
  let h: Harness;
  let cookie = "";
  beforeAll(async () => {
    h = await createHarness();
    await h.auth.api.createUser({
      body: { email: "cached@example.test", password: PASSWORD, name: "Cached", data: { emailVerified: true } },
    });
  });
  afterAll(() => h.close());

  const request = (path: string, init: RequestInit & { ip?: string } = {}) =>
    new Request(`${h.baseURL}/api/auth${path}`, {
      ...init,
      headers: { "cf-connecting-ip": init.ip ?? "198.51.100.7", ...(init.headers as Record<string, string>) },
    });
  const both = async (make: () => Request) => {
    const [ours, theirs] = [await cachedAuthHandler(h.auth)(make()), await h.auth.handler(make())];
    return { ours, theirs };
  };

  it("signs in over HTTP and reads the session back with the same answers as auth.handler", async () => {
    const signIn = await cachedAuthHandler(h.auth)(
      request("/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: h.baseURL },
        body: JSON.stringify({ email: "cached@example.test", password: PASSWORD }),
      }),
    );
    expect(signIn.status).toBe(200);
    cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const { ours, theirs } = await both(() => request("/get-session", { headers: { cookie } }));
    expect(ours.status).toBe(200);
    type SessionBody = { user: { email: string }; session: { id: string } };
    const [a, b] = [(await ours.json()) as SessionBody, (await theirs.json()) as SessionBody];
    expect(a.user.email).toBe("cached@example.test");
    expect(a.session.id).toBe(b.session.id);
  });

  it("refuses a foreign origin and an unknown path the same way", async () => {
    const foreign = await both(() =>
      request("/sign-out", { method: "POST", headers: { cookie, origin: "https://evil.test" } }),
    );
    expect(foreign.ours.status).toBe(403);
    expect(foreign.theirs.status).toBe(403);
    const code = async (r: Response) => ((await r.json()) as { code?: string }).code;
    expect(await code(foreign.ours)).toBe(await code(foreign.theirs));
    const missing = await both(() => request("/no-such-endpoint"));
    expect(missing.ours.status).toBe(404);
    expect(missing.theirs.status).toBe(404);
  });

  it("keeps better-auth's rate limit per client address (sign-in: 10 a minute)", async () => {
    // Addresses without an account, so the per-account lockout stays out of it.
    const attempt = (i: number) =>
      cachedAuthHandler(h.auth)(
        request("/sign-in/email", {
          method: "POST",
          ip: "198.51.100.99",
          headers: { "content-type": "application/json", origin: h.baseURL },
          body: JSON.stringify({ email: `nobody-${i}@example.test`, password: "wrong-password-1" }),
        }),
      );
    const statuses = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await attempt(i)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});
