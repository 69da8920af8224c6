// Product tokens: what a product can verify against the JWKS alone, and who gets none.
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { cookieJar, expectRefused } from "@/test/http";

let h: Harness;
const ids: Record<string, string> = {};

async function createUser(key: string, role: "admin" | "support" | "user") {
  const { user } = await h.auth.api.createUser({
    body: {
      name: `User ${key}`,
      email: `${key}@example.test`,
      password: PASSWORD,
      role,
      data: { emailVerified: true },
    },
  });
  ids[key] = user.id;
  return user.id;
}

const signIn = async (key: string) =>
  (await h.signIn(`${key}@example.test`, { extra: { "cf-connecting-ip": "203.0.113.20" } })).headers;

/** GET /api/auth/token over HTTP, as a product's page calls it. */
function tokenRequest(headers: Headers, origin?: string) {
  const request = new Headers(headers);
  if (origin) request.set("origin", origin);
  return h.auth.handler(new Request(`${h.baseURL}/api/auth/token`, { headers: request }));
}

async function jwks() {
  const response = await h.auth.handler(new Request(`${h.baseURL}/api/auth/jwks`));
  expect(response.status).toBe(200);
  return createLocalJWKSet(await response.json());
}

async function verified(token: string) {
  return (await jwtVerify(token, await jwks(), { issuer: h.baseURL, audience: h.baseURL })).payload;
}

beforeAll(async () => {
  h = await createHarness();
  await createUser("op", "admin");
  await createUser("sup", "support");
  await createUser("owner", "user");
  await createUser("plain", "user");
});
afterAll(async () => {
  await h.close();
});

describe("GET /api/auth/token", () => {
  it("gives a short-lived Ed25519 token with the user, the session and the active organization's role and permissions", async () => {
    const headers = await signIn("owner");
    const org = await h.auth.api.createOrganization({ headers, body: { name: "Acme", slug: "acme-tokens" } });
    await h.auth.api.setActiveOrganization({ headers, body: { organizationId: org?.id } });
    const response = await tokenRequest(headers);
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const claims = await verified(token);
    expect(claims).toMatchObject({
      sub: ids.owner,
      email: "owner@example.test",
      email_verified: true,
      name: "User owner",
      role: "user",
      org: { id: org?.id, slug: "acme-tokens", name: "Acme", role: "owner" },
    });
    expect(claims.sid).toEqual(expect.any(String));
    expect((claims.org as { permissions: string[] }).permissions).toEqual(
      expect.arrayContaining(["member:delete", "organization:update", "webhook:create"]),
    );
    expect(claims).not.toHaveProperty("act");
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
  });

  it("names the staff member behind an impersonation in `act`, marked read-only", async () => {
    const opHeaders = await signIn("op");
    const started = await h.auth.api.impersonateUser({
      // The reason is ours (operator-policy); the admin plugin's body type does not list it.
      body: { userId: ids.plain as string, reason: "Checking the product's token claims" } as { userId: string },
      headers: opHeaders,
      returnHeaders: true,
    });
    const jar = cookieJar(opHeaders.get("cookie") ?? "");
    jar.take(started.headers);
    const response = await tokenRequest(jar.headers({ "cf-connecting-ip": "203.0.113.21" }));
    expect(response.status).toBe(200);
    const claims = await verified(((await response.json()) as { token: string }).token);
    expect(claims).toMatchObject({ sub: ids.plain, act: { sub: ids.op, name: "User op", read_only: true } });
  });

  it("refuses the signed-out (401) and gives a banned user nothing", async () => {
    await expectRefused(h.auth.handler(new Request(`${h.baseURL}/api/auth/token`)), 401);
    const headers = await signIn("plain");
    const opHeaders = await signIn("op");
    await h.auth.api.banUser({
      headers: opHeaders,
      body: { userId: ids.plain as string, banReason: "Testing tokens" },
    });
    const after = await tokenRequest(headers);
    expect(after.status).toBe(401); // the ban ended every session
    await h.auth.api.unbanUser({ headers: opHeaders, body: { userId: ids.plain as string } });
  });

  it("is not verified by a key the JWKS does not hold", async () => {
    const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
    const forged = await new SignJWT({ email: "owner@example.test" })
      .setProtectedHeader({ alg: "EdDSA", kid: "forged" })
      .setSubject(ids.owner as string)
      .setIssuer(h.baseURL)
      .setAudience(h.baseURL)
      .setExpirationTime("5m")
      .sign(privateKey);
    await expect(verified(forged)).rejects.toThrow(/no applicable key|matching key/i);
    // Even with the forged key's id swapped for a real one, the signature does not match.
    const { keys } = (await (await h.auth.handler(new Request(`${h.baseURL}/api/auth/jwks`))).json()) as {
      keys: { kid: string }[];
    };
    const realKid = keys[0]?.kid as string;
    const swapped = await new SignJWT({})
      .setProtectedHeader({ alg: "EdDSA", kid: realKid })
      .setSubject(ids.owner as string)
      .setIssuer(h.baseURL)
      .setAudience(h.baseURL)
      .setExpirationTime("5m")
      .sign(privateKey);
    await expect(verified(swapped)).rejects.toThrow(/signature verification failed/i);
    expect(await exportJWK(publicKey)).toHaveProperty("crv", "Ed25519");
  });

  it("is valid only for its configured lifetime", async () => {
    const short = h.createAuth({ JWT_EXPIRES_IN: "60" });
    const { headers } = await h.signIn("owner@example.test");
    const { token } = await short.api.getToken({ headers });
    const claims = await verified(token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
    await expect(
      jwtVerify(token, await jwks(), { issuer: h.baseURL, currentDate: new Date(((claims.exp ?? 0) + 1) * 1000) }),
    ).rejects.toThrow(/"exp" claim timestamp check failed/);
  });
});

describe("the API description", () => {
  it("is for signed-in staff; the reference page is not served", async () => {
    const schema = (headers?: Headers) =>
      h.auth.handler(new Request(`${h.baseURL}/api/auth/open-api/generate-schema`, { headers }));
    await expectRefused(schema(), 401);
    await expectRefused(schema(await signIn("owner")), { code: "STAFF_ONLY", status: 403 });
    const ok = await schema(await signIn("sup"));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/token", "/jwks", "/sign-in/email"]));
    const reference = await h.auth.handler(
      new Request(`${h.baseURL}/api/auth/reference`, { headers: await signIn("op") }),
    );
    expect(reference.status).toBe(404);
  });
});
