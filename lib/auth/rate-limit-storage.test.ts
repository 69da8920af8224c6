import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneRateLimits, RATE_LIMIT_RETENTION_MS } from "@/db/queries/rate-limit";
import { rateLimit } from "@/db/schema";
import { createHarness, type Harness } from "@/test/auth-harness";
import { cachedAuthHandler } from "./auth-handler";
import { consumeRateLimit } from "./plugins/server-call-rate-limit";

// better-auth's limiter counts in D1 through our storage (create-auth.ts `rateLimit.customStorage`): one upsert per
// request, so requests racing from one address are all counted and no more than `max` get through.
describe("rate-limit storage", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const attempt = (i: number, ip: string) =>
    cachedAuthHandler(h.auth)(
      new Request(`${h.baseURL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "cf-connecting-ip": ip, "content-type": "application/json", origin: h.baseURL },
        // Addresses without an account: the per-account lockout stays out of it.
        body: JSON.stringify({ email: `racer-${i}@example.test`, password: "wrong-password-1" }),
      }),
    );

  it("lets exactly 10 of 15 simultaneous sign-ins from one address through (10 a minute), and says when to retry", async () => {
    const responses = await Promise.all(Array.from({ length: 15 }, (_, i) => attempt(i, "198.51.100.150")));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
    const refused = responses.find((response) => response.status === 429) as Response;
    const retryAfter = Number(refused.headers.get("x-retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address has its own budget.
    expect((await attempt(99, "198.51.100.151")).status).toBe(401);
  });

  it("counts in one row per address and path, and starts again once the window has passed", async () => {
    const rule = { window: 60, max: 2 };
    const t0 = 1_800_000_000_000;
    expect((await consumeRateLimit(h.db, "198.51.100.160|/x", rule, t0)).allowed).toBe(true);
    expect((await consumeRateLimit(h.db, "198.51.100.160|/x", rule, t0 + 1000)).allowed).toBe(true);
    expect(await consumeRateLimit(h.db, "198.51.100.160|/x", rule, t0 + 2000)).toEqual({
      allowed: false,
      retryAfter: 59, // a minute after the last counted request
    });
    expect((await consumeRateLimit(h.db, "198.51.100.160|/x", rule, t0 + 61_000)).allowed).toBe(true);
    const rows = await h.db.select().from(rateLimit).where(eq(rateLimit.key, "198.51.100.160|/x"));
    expect(rows).toEqual([expect.objectContaining({ count: 1, lastRequest: t0 + 61_000 })]);
  });

  it("prunes counters idle for longer than any window and keeps the others", async () => {
    const now = 1_900_000_000_000;
    const rule = { window: 60, max: 5 };
    await consumeRateLimit(h.db, "198.51.100.170|/old", rule, now - RATE_LIMIT_RETENTION_MS - 1);
    await consumeRateLimit(h.db, "198.51.100.170|/fresh", rule, now - 60_000);
    await pruneRateLimits(h.db, now);
    const keys = (await h.db.select({ key: rateLimit.key }).from(rateLimit)).map((row) => row.key);
    expect(keys).toContain("198.51.100.170|/fresh");
    expect(keys).not.toContain("198.51.100.170|/old");
  });
});
