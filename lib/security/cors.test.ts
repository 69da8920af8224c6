import { describe, expect, it } from "vitest";
import { productOrigins, productPreflight, withJwksCaching, withProductCors } from "./cors";

const SETTING = "https://app.example.com, http://localhost:8802/ ,not a url";
const request = (path: string, origin?: string, method = "GET") =>
  new Request(`https://auth.example.com${path}`, { method, headers: origin ? { origin } : {} });

describe("CORS for product origins", () => {
  it("reads the setting as origins, skipping what is not one", () => {
    expect([...productOrigins(SETTING)]).toEqual(["https://app.example.com", "http://localhost:8802"]);
    expect(productOrigins(undefined).size).toBe(0);
  });

  it("lets exactly the listed origins read /api/auth/token with credentials", () => {
    const ok = withProductCors(request("/api/auth/token", "https://app.example.com"), new Response("{}"), SETTING);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
    expect(ok.headers.get("vary")).toContain("Origin");
  });

  it("gives nothing to another origin, a look-alike, or another path", () => {
    for (const [path, origin] of [
      ["/api/auth/token", "https://evil.example.com"],
      ["/api/auth/token", "https://app.example.com.evil.test"],
      ["/api/auth/token", "http://app.example.com"],
      ["/api/auth/get-session", "https://app.example.com"],
      ["/api/auth/jwks", "https://app.example.com"],
      ["/api/auth/token", undefined],
    ] as const) {
      const response = withProductCors(request(path, origin), new Response("{}"), SETTING);
      expect(response.headers.get("access-control-allow-origin"), `${path} from ${origin}`).toBeNull();
    }
  });

  it("answers the preflight of a listed origin only", () => {
    const preflight = productPreflight(request("/api/auth/token", "http://localhost:8802", "OPTIONS"), SETTING);
    expect(preflight?.status).toBe(204);
    expect(preflight?.headers.get("access-control-allow-methods")).toBe("GET");
    const withHeaders = new Request("https://auth.example.com/api/auth/token", {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-headers": "x-trace-id" },
    });
    expect(productPreflight(withHeaders, SETTING)?.headers.get("access-control-allow-headers")).toBe("x-trace-id");
    expect(productPreflight(request("/api/auth/token", "https://evil.example.com", "OPTIONS"), SETTING)).toBeNull();
    expect(
      productPreflight(request("/api/auth/sign-in/email", "https://app.example.com", "OPTIONS"), SETTING),
    ).toBeNull();
  });

  it("lets products cache the public keys, and nothing else", () => {
    const ok = () => new Response("{}", { status: 200 });
    const jwks = withJwksCaching(request("/api/auth/jwks", undefined), ok());
    expect(jwks.headers.get("cache-control")).toBe("public, max-age=300");
    expect(withJwksCaching(request("/api/auth/token", undefined), ok()).headers.get("cache-control")).toBeNull();
    const failed = withJwksCaching(request("/api/auth/jwks", undefined), new Response("{}", { status: 500 }));
    expect(failed.headers.get("cache-control")).toBeNull();
  });
});
