import { APIError } from "better-auth/api";
import { describe, expect, it } from "vitest";
import { cookieJar, expectRefused } from "./http";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("expectRefused", () => {
  it("reads the code and status of every shape a refusal comes in", async () => {
    const thrown = APIError.from("FORBIDDEN", { code: "NOT_WHILE_IMPERSONATING", message: "No." });
    expect(await expectRefused(Promise.reject(thrown), { code: "NOT_WHILE_IMPERSONATING", status: 403 })).toMatchObject(
      { message: "No." },
    );
    await expectRefused(thrown, 403);
    await expectRefused(json(429, { code: "RATE_LIMITED", message: "Slow down." }), "RATE_LIMITED");
    await expectRefused(new Response("Too many requests", { status: 429 }), { code: undefined, status: 429 });
    await expectRefused({ data: null, error: { code: "INVALID_CODE", status: 401, statusText: "" } }, 401);
    await expectRefused({ ok: false, error: "Check the highlighted fields.", code: "INVALID_INPUT" }, "INVALID_INPUT");
  });

  it("fails on an answer that is not a refusal, and on the wrong code or status", async () => {
    await expect(expectRefused(Promise.resolve({ ok: true }), "ANY")).rejects.toThrow(/expected a refusal/);
    await expect(expectRefused(json(200, {}), 403)).rejects.toThrow(/expected a refusal/);
    await expect(expectRefused({ data: {}, error: null }, 403)).rejects.toThrow(/expected a refusal/);
    await expect(expectRefused(json(403, { code: "INVALID_ORIGIN" }), "MISSING_OR_NULL_ORIGIN")).rejects.toThrow(
      /not as expected/,
    );
    await expect(expectRefused({ ok: false, error: "No.", code: "A" }, { code: "A", status: 403 })).rejects.toThrow(
      /not as expected/,
    );
  });
});

describe("cookieJar", () => {
  it("keeps what responses set and forgets what they expire", () => {
    const jar = cookieJar("a=1");
    const headers = new Headers();
    headers.append("set-cookie", "b=2; Path=/; HttpOnly");
    headers.append("set-cookie", "a=; Max-Age=0");
    jar.take(headers);
    expect(jar.header()).toBe("b=2");
    headers.append("set-cookie", "c=3; Max-Age=0");
    jar.take(headers);
    expect(jar.has("b")).toBe(true);
    expect(jar.has("c")).toBe(false);
    const saved = jar.entries();
    jar.replace(new Map());
    expect(jar.headers().get("cookie")).toBe("");
    jar.replace(saved);
    expect(jar.headers({ origin: "x" }).get("cookie")).toBe("b=2");
  });
});
