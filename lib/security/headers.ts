// The security headers of every response the middleware sees (pages, route handlers, better-auth). Pure functions,
// so the policy is unit-tested without a server; middleware.ts applies them.

/** A fresh CSP nonce: 128 random bits, base64 (the characters Next's nonce parser accepts). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  /** `next dev` needs eval for fast refresh; never in the built worker. */
  dev?: boolean;
  /** Served over https: ask the browser to upgrade any stray http:// subresource. */
  https?: boolean;
}

/**
 * A strict, nonce-based Content-Security-Policy. Next reads the nonce back from this header on the request and puts
 * it on its own scripts; `'strict-dynamic'` lets those load their chunks, and nothing else runs. Styles stay
 * `'unsafe-inline'`: Radix and sonner set inline styles at runtime, and a nonce there would make browsers ignore
 * `'unsafe-inline'`. Avatars and logos are https:// links people enter, hence `img-src https:`.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false }: CspOptions = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "manifest-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers every response gets, HTML or not. HSTS only over https (browsers ignore it on http anyway). */
/** Route handlers and better-auth answer JSON or CSV: nothing in them may run, embed or be embedded. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A response of a route handler or of better-auth with the security headers of every response and the API CSP. */
export function withApiHeaders<T extends Response>(response: T, https: boolean): T {
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", API_CSP);
  return response;
}

export function securityHeaders({ https = false }: { https?: boolean } = {}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": [
      "camera=()",
      "microphone=()",
      "geolocation=()",
      "payment=()",
      "usb=()",
      "serial=()",
      "bluetooth=()",
      "hid=()",
      "magnetometer=()",
      "gyroscope=()",
      "accelerometer=()",
      "display-capture=()",
      "browsing-topics=()",
    ].join(", "),
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
