// Rate limits live in D1 and hold the same for HTTP requests and for `auth.api` calls made by server actions.
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit } from "@/db/schema";
import { createAuth } from "@/lib/auth/create-auth";
import { createHarness, type Harness } from "@/test/auth-harness";
import { RATE_LIMITED, rateLimitRuleFor } from "./server-call-rate-limit";

let h: Harness;
let second: ReturnType<typeof createAuth>;
let counter = 0;

beforeAll(async () => {
  h = await createHarness();
  // Another isolate: its own better-auth instance (and its own memory), over the same database.
  second = createAuth(h.db, {
    BETTER_AUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789",
    BETTER_AUTH_URL: h.baseURL,
    RESEND_API_KEY: "re_test",
    RESEND_BASE_URL: h.sink.url,
  });
});
afterAll(async () => {
  await h.close();
});

function post(auth: { handler: (r: Request) => Promise<Response> }, path: string, body: unknown, ip: string) {
  return auth.handler(
    new Request(`${h.baseURL}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: h.baseURL, "cf-connecting-ip": ip },
      body: JSON.stringify(body),
    }),
  );
}

/** A fresh address without an account (so no sign-in lockout is involved). */
function nobody() {
  counter += 1;
  return `nobody-${counter}@example.test`;
}

async function counterRow(key: string) {
  const [row] = await h.db.select().from(rateLimit).where(eq(rateLimit.key, key));
  return row;
}

describe("HTTP rate limits", () => {
  it("answer 429 with X-Retry-After, and live in D1: a second instance sees the first one's counts", async () => {
    const ip = "203.0.113.10";
    for (let i = 0; i < 10; i++) {
      const res = await post(h.auth, "/sign-in/email", { email: nobody(), password: "whatever-123" }, ip);
      expect(res.status).toBe(401);
    }
    expect(await counterRow(`${ip}|/sign-in/email`)).toMatchObject({ count: 10 });

    const refused = await post(second, "/sign-in/email", { email: nobody(), password: "whatever-123" }, ip);
    expect(refused.status).toBe(429);
    const retry = Number(refused.headers.get("x-retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);

    // The count is the database row, not memory: remove it and the same client may try again at once.
    await h.db.delete(rateLimit).where(eq(rateLimit.key, `${ip}|/sign-in/email`));
    const again = await post(second, "/sign-in/email", { email: nobody(), password: "whatever-123" }, ip);
    expect(again.status).toBe(401);
  });
});

describe("server calls (auth.api from server actions)", () => {
  it("share the HTTP endpoint's budget per client address, both ways, and a refused call sends nothing", async () => {
    const ip = "203.0.113.20";
    const email = nobody();
    for (let i = 0; i < 5; i++) {
      expect((await post(h.auth, "/request-password-reset", { email, redirectTo: "/reset-password" }, ip)).status).toBe(
        200,
      );
    }
    const refused = await h.auth.api
      .requestPasswordReset({
        headers: new Headers({ "cf-connecting-ip": ip }),
        body: { email, redirectTo: "/reset-password" },
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(APIError);
    expect((refused as APIError).statusCode).toBe(429);
    expect((refused as APIError).body).toMatchObject({
      code: RATE_LIMITED,
      message: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds\.$/),
    });
    expect(new Headers((refused as APIError).headers).get("x-retry-after")).toMatch(/^\d+$/);

    const other = "203.0.113.21";
    const user = await h.auth.api.createUser({
      body: { name: "Rae", email: "rae@example.test", password: "correct-horse-1", data: { emailVerified: false } },
    });
    const mailsBefore = h.sink.messages().filter((m) => m.to.includes(user.user.email)).length;
    for (let i = 0; i < 5; i++) {
      await h.auth.api.sendVerificationEmail({
        headers: new Headers({ "cf-connecting-ip": other }),
        body: { email: user.user.email },
      });
    }
    const http = await post(h.auth, "/send-verification-email", { email: user.user.email }, other);
    expect(http.status).toBe(429);
    const serverCall = await h.auth.api
      .sendVerificationEmail({ headers: new Headers({ "cf-connecting-ip": other }), body: { email: user.user.email } })
      .catch((e: unknown) => e);
    expect((serverCall as APIError).body?.code).toBe(RATE_LIMITED);
    expect(h.sink.messages().filter((m) => m.to.includes(user.user.email)).length).toBe(mailsBefore + 5);
  });

  it("counts HTTP requests once, and not calls that speak for no client (seed, tests)", async () => {
    const ip = "203.0.113.30";
    for (let i = 0; i < 10; i++) {
      expect((await post(h.auth, "/sign-in/email", { email: nobody(), password: "whatever-123" }, ip)).status).toBe(
        401,
      );
    }
    expect(await counterRow(`${ip}|/sign-in/email`)).toMatchObject({ count: 10 });
    for (let i = 0; i < 8; i++) {
      await h.auth.api.requestPasswordReset({ body: { email: nobody(), redirectTo: "/reset-password" } });
    }
  });

  it("applies the rule the HTTP router would: custom rules, then plugin rules, then better-auth's own", async () => {
    const context = await h.auth.$context;
    const request = () => new Request(h.baseURL);
    const rule = (path: string) => rateLimitRuleFor(path, context as never, request);
    expect(await rule("/sign-in/email")).toEqual({ window: 60, max: 10 });
    expect(await rule("/two-factor/verify-totp")).toEqual({ window: 60, max: 10 });
    expect(await rule("/request-password-reset")).toEqual({ window: 60, max: 5 });
    expect(await rule("/change-password")).toEqual({ window: 10, max: 3 });
    expect(await rule("/admin/ban-user")).toEqual({ window: 60, max: 120 });
    expect(await rule("/get-session")).toBeNull();
  });
});
