import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { middleware } from "@/middleware";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./headers";
import { checkBodySize, checkOrigin, isConsolePath, MAX_BODY_BYTES } from "./request-policy";

const SITE = "http://localhost:8788";

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`${SITE}${path}`, {
    method: init.method ?? "GET",
    headers: { host: "localhost:8788", ...init.headers },
    body: init.body,
  });
}

/** Directive name → its sources. */
function directives(csp: string) {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe("content security policy", () => {
  it("allows only scripts carrying this request's nonce, and forbids framing, plugins and foreign forms", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(nonce);
    const csp = directives(contentSecurityPolicy(nonce));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(contentSecurityPolicy(nonce)).not.toContain("unsafe-eval");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy(nonce, { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders()).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(securityHeaders()).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringContaining("camera=(), microphone=(), geolocation=()"),
    });
  });
});

describe("request policy", () => {
  it("measures declared bodies: 64 KiB passes, one byte more is 413, an unmeasured body is 411", () => {
    const post = (headers: Record<string, string>, body?: string) =>
      new Request(`${SITE}/api/auth/sign-in/email`, { method: "POST", headers, body });
    expect(checkBodySize(post({ "content-length": String(MAX_BODY_BYTES) }))).toBeNull();
    expect(checkBodySize(post({ "content-length": String(MAX_BODY_BYTES + 1) }))?.status).toBe(413);
    expect(checkBodySize(post({ "content-length": "12abc" }))?.status).toBe(400);
    expect(checkBodySize(post({ "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(checkBodySize(post({}, "x".repeat(10)))?.status).toBe(411);
    expect(checkBodySize(post({}))).toBeNull();
    expect(checkBodySize(new Request(`${SITE}/`, { headers: { "content-length": "999999" } }))).toBeNull();
  });

  it("refuses writes whose Origin is missing, null or another host", () => {
    const post = (headers: Record<string, string>) =>
      new Request(`${SITE}/api/admin/audit-events`, {
        method: "POST",
        headers: { host: "localhost:8788", ...headers },
      });
    expect(checkOrigin(post({ origin: SITE }))).toBeNull();
    expect(checkOrigin(post({}))?.status).toBe(403);
    expect(checkOrigin(post({ origin: "null" }))?.status).toBe(403);
    expect(checkOrigin(post({ origin: "https://evil.test" }))?.status).toBe(403);
    expect(checkOrigin(post({ origin: "http://localhost:8789" }))?.status).toBe(403);
    expect(checkOrigin(post({ origin: "not a url" }))?.status).toBe(403);
    expect(checkOrigin(new Request(`${SITE}/api/admin/audit-events`))).toBeNull();
  });

  it("knows the console paths", () => {
    for (const path of ["/", "/account", "/account/profile", "/org/acme/members", "/admin/users"]) {
      expect(isConsolePath(path), path).toBe(true);
    }
    for (const path of ["/sign-in", "/accounting", "/api/auth/get-session", "/organization"]) {
      expect(isConsolePath(path), path).toBe(false);
    }
  });
});

describe("middleware", () => {
  it("puts the CSP and its nonce on an auth page's response and on the request Next renders", () => {
    const response = middleware(request("/sign-in"));
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(middleware(request("/sign-in")).headers.get("content-security-policy")).not.toBe(csp);
  });

  it("sends HSTS when the request came over https", () => {
    const response = middleware(new NextRequest("https://console.example.com/sign-in"));
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=/);
    const proxied = middleware(request("/sign-in", { headers: { "x-forwarded-proto": "https" } }));
    expect(proxied.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("redirects a console page without a session cookie to sign-in, but not an auth page", () => {
    const response = middleware(request("/org/acme/members?search=a"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${SITE}/sign-in?next=%2Forg%2Facme%2Fmembers%3Fsearch%3Da`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(middleware(request("/sign-up")).status).toBe(200);
    const secure = middleware(request("/account", { headers: { cookie: "__Secure-better-auth.session_token=abc" } }));
    expect(secure.headers.get("x-middleware-next")).toBe("1");
    const plain = middleware(request("/account", { headers: { cookie: "better-auth.session_token=abc" } }));
    expect(plain.headers.get("x-middleware-next")).toBe("1");
  });

  it("refuses a cross-site server action and a cross-site write to our route handlers, not to better-auth", () => {
    const action = middleware(
      request("/account/sessions", {
        method: "POST",
        headers: { origin: "https://evil.test", "next-action": "abc", cookie: "better-auth.session_token=x" },
      }),
    );
    expect(action.status).toBe(403);
    const handler = middleware(request("/api/admin/audit-events", { method: "POST" }));
    expect(handler.status).toBe(403);
    const auth = middleware(
      request("/api/auth/sign-out", { method: "POST", headers: { origin: "https://evil.test" } }),
    );
    expect(auth.headers.get("x-middleware-next")).toBe("1");
    const sameSite = middleware(
      request("/account/sessions", {
        method: "POST",
        headers: { origin: SITE, "next-action": "abc", cookie: "better-auth.session_token=x", "content-length": "2" },
        body: "[]",
      }),
    );
    expect(sameSite.headers.get("x-middleware-next")).toBe("1");
  });

  it("lets a machine client write to the provisioning API without an Origin (it authenticates by key, not cookie)", () => {
    const body = JSON.stringify({ email: "a@example.test", role: "member" });
    const api = middleware(
      request("/api/v1/invitations", {
        method: "POST",
        headers: { authorization: "Bearer x", "content-length": String(body.length) },
        body,
      }),
    );
    expect(api.headers.get("x-middleware-next")).toBe("1");
    const large = "x".repeat(MAX_BODY_BYTES + 1);
    const tooLarge = middleware(
      request("/api/v1/invitations", {
        method: "POST",
        headers: { "content-length": String(large.length) },
        body: large,
      }),
    );
    expect(tooLarge.status).toBe(413);
    // Only that prefix: /api/v10 is one of our cookie-authenticated route handlers' paths, refused cross-site.
    expect(middleware(request("/api/v10/x", { method: "POST" })).status).toBe(403);
  });

  it("refuses bodies over 64 KiB on better-auth, route handlers and server actions with 413", () => {
    const big = { "content-length": String(70 * 1024), origin: SITE };
    for (const path of ["/api/auth/sign-in/email", "/api/admin/audit-events", "/account/profile"]) {
      expect(middleware(request(path, { method: "POST", headers: big })).status, path).toBe(413);
    }
  });
});
