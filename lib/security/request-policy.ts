// What the middleware refuses before any route code runs: oversized or unmeasured bodies, and cross-site writes.
// Pure functions over a Request so they are unit-tested without a server.

/** Largest request body accepted on better-auth, our route handlers and server actions. */
export const MAX_BODY_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a method may change state (and so may carry a body and needs a same-origin check). */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Console pages: without a session cookie they redirect to /sign-in. */
export function isConsolePath(pathname: string): boolean {
  return pathname === "/" || /^\/(account|org|admin)(\/|$)/.test(pathname);
}

/** better-auth's endpoints: it checks Origin itself (trustedOrigins), so scripted clients without cookies still work. */
export function isAuthApiPath(pathname: string): boolean {
  return pathname === "/api/auth" || pathname.startsWith("/api/auth/");
}

/**
 * The provisioning API: machine clients with an organization API key in `Authorization`, no Origin. It reads no
 * cookie (lib/auth/key-entry.ts), so a cross-site page gains nothing there: no same-origin check.
 */
export function isKeyApiPath(pathname: string): boolean {
  return pathname === "/api/v1" || pathname.startsWith("/api/v1/");
}

function refuse(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * 413 when a state-changing request declares a body over MAX_BODY_BYTES, 411 when it sends a body without declaring
 * its length (chunked): nothing past this point would know how much it is about to read.
 */
export function checkBodySize(request: Request): Response | null {
  if (!isStateChanging(request.method)) return null;
  const declared = request.headers.get("content-length");
  if (declared === null) {
    // A body without a declared length (chunked, or a stream over HTTP/2) could be any size: refuse it rather
    // than read it. Browsers always declare the length of the bodies this app sends (JSON, FormData).
    const unmeasured = request.headers.get("transfer-encoding") !== null || request.body !== null;
    return unmeasured ? refuse(411, "LENGTH_REQUIRED", "Send the request body with a Content-Length.") : null;
  }
  const length = /^\d+$/.test(declared.trim()) ? Number(declared) : Number.NaN;
  if (!Number.isSafeInteger(length)) return refuse(400, "BAD_CONTENT_LENGTH", "Invalid Content-Length.");
  if (length > MAX_BODY_BYTES) {
    return refuse(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  }
  return null;
}

/** The host the request was sent to (the forwarded one behind a proxy), lowercased. */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host") || new URL(request.url).host;
  return host ? host.toLowerCase() : null;
}

/**
 * 403 for a state-changing request whose Origin is missing, "null" or another site. Browsers send Origin on every
 * cross-origin request and on same-origin POSTs, so a same-site page always passes; a forged form or fetch from
 * elsewhere cannot. better-auth's own endpoints are left to its trustedOrigins check (see isAuthApiPath).
 */
export function checkOrigin(request: Request): Response | null {
  if (!isStateChanging(request.method)) return null;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    return refuse(403, "MISSING_OR_NULL_ORIGIN", "Cross-site requests are not allowed (missing Origin).");
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return refuse(403, "INVALID_ORIGIN", "Cross-site requests are not allowed.");
  }
  if (originHost !== requestHost(request)) {
    return refuse(403, "INVALID_ORIGIN", "Cross-site requests are not allowed.");
  }
  return null;
}
