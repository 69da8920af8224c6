// CORS for products (README, "Integrating a product"): the origins listed in PRODUCT_ORIGINS may call
// GET /api/auth/token with the browser's cookies, so a product's page can fetch a token for its own API. Exactly
// those origins, exactly that path: nothing else of Gatehouse answers cross-origin reads. Pure functions over a
// Request, applied by worker.ts (and the Next mount under `next dev`).

/** The one path products call cross-origin. */
export const PRODUCT_TOKEN_PATH = "/api/auth/token";

/** The configured product origins (comma-separated `https://app.example.com`), normalized; bad entries are skipped. */
export function productOrigins(setting: string | undefined): Set<string> {
  const origins = new Set<string>();
  for (const part of (setting ?? "").split(",")) {
    const value = part.trim();
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.origin !== "null") origins.add(url.origin);
    } catch {
      // not an origin: ignored (README says the setting takes origins only)
    }
  }
  return origins;
}

/** The allowed origin of a request to the token path, or null (another path, no Origin, an unlisted one). */
function allowedOrigin(request: Request, setting: string | undefined): string | null {
  if (new URL(request.url).pathname !== PRODUCT_TOKEN_PATH) return null;
  const origin = request.headers.get("origin");
  return origin && productOrigins(setting).has(origin) ? origin : null;
}

/** The answer to a CORS preflight for the token path from a listed origin; null for anything else. */
export function productPreflight(request: Request, setting: string | undefined): Response | null {
  if (request.method !== "OPTIONS") return null;
  const origin = allowedOrigin(request, setting);
  if (!origin) return null;
  const headers = new Headers({
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  });
  // A listed product may send its own headers (a trace id, say) on this read: the answer depends only on the cookies.
  const requested = request.headers.get("access-control-request-headers");
  if (requested && /^[\w\-, ]{1,500}$/.test(requested)) headers.set("Access-Control-Allow-Headers", requested);
  return new Response(null, { status: 204, headers });
}

/** The response with CORS headers when the request is a listed origin's call to the token path; unchanged otherwise. */
export function withProductCors<T extends Response>(request: Request, response: T, setting: string | undefined): T {
  const origin = allowedOrigin(request, setting);
  response.headers.append("Vary", "Origin");
  if (!origin) return response;
  response.headers.set("Access-Control-Allow-Origin", origin);
  response.headers.set("Access-Control-Allow-Credentials", "true");
  return response;
}

/** The public-keys path products verify tokens against. */
export const JWKS_PATH = "/api/auth/jwks";
/**
 * Products may cache the public keys for five minutes (better-auth sends no Cache-Control): a retired key stays
 * listed for 30 days (README, "Keys"), and `jose` refetches the set when a token names a `kid` it has not seen.
 */
export const JWKS_CACHE_CONTROL = "public, max-age=300";

/** Marks a successful GET of the public keys cacheable; every other answer is left as it is. */
export function withJwksCaching(request: Request, response: Response): Response {
  if (request.method === "GET" && new URL(request.url).pathname === JWKS_PATH && response.status === 200) {
    response.headers.set("Cache-Control", JWKS_CACHE_CONTROL);
  }
  return response;
}
