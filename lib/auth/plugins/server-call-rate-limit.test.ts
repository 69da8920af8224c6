// Rate limits live in D1 and hold the same for HTTP requests and for `auth.api` calls made by server actions.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { RATE_LIMITED, rateLimitRuleFor } from "./server-call-rate-limit";

let h: Harness;
let second: Harness["auth"];
let counter = 0;

beforeAll(async () => {
  h = await createHarness();
  // Another isolate: its own better-auth instance (and its own memory), over the same database.
  second = h.createAuth();
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

    const refused = await expectRefused(
      post(second, "/sign-in/email", { email: nobody(), password: "whatever-123" }, ip),
      // better-auth's own limiter answers HTTP with a bare 429 (no code); X-Retry-After says when.
      429,
    );
    const retry = Number(refused.headers?.get("x-retry-after"));
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
    const refused = await expectRefused(
      h.auth.api.requestPasswordReset({
        headers: new Headers({ "cf-connecting-ip": ip }),
        body: { email, redirectTo: "/reset-password" },
      }),
      { code: RATE_LIMITED, status: 429 },
    );
    expect(refused.message).toMatch(/^Too many requests\. Try again in \d+ seconds\.$/);
    expect(refused.headers?.get("x-retry-after")).toMatch(/^\d+$/);

    const other = "203.0.113.21";
    const user = await h.auth.api.createUser({
      body: { name: "Rae", email: "rae@example.test", password: PASSWORD, data: { emailVerified: false } },
    });
    const mailsBefore = h.sink.messages().filter((m) => m.to.includes(user.user.email)).length;
    for (let i = 0; i < 5; i++) {
      await h.auth.api.sendVerificationEmail({
        headers: new Headers({ "cf-connecting-ip": other }),
        body: { email: user.user.email },
      });
    }
    await expectRefused(post(h.auth, "/send-verification-email", { email: user.user.email }, other), 429);
    await expectRefused(
      h.auth.api.sendVerificationEmail({
        headers: new Headers({ "cf-connecting-ip": other }),
        body: { email: user.user.email },
      }),
      { code: RATE_LIMITED, status: 429 },
    );
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
