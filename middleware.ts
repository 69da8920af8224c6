import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { API_CSP, contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/security/headers";
import { checkBodySize, checkOrigin, isAuthApiPath, isConsolePath, isKeyApiPath } from "@/lib/security/request-policy";

// Runs on every page, route handler and better-auth endpoint (see `matcher`): refuses oversized bodies and cross-site
// writes before anything parses them, sets the security headers and the CSP nonce, and sends cookie-less visitors of
// the console to /sign-in. The sign-in check is only a cheap presence check: every page still calls
// lib/auth/guard.ts, which decides. (`middleware.ts`, not Next 16's `proxy.ts`: OpenNext on Workers runs only edge
// middleware.)

function isHttps(request: NextRequest) {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

function withSecurityHeaders<T extends Response>(response: T, https: boolean, csp: string): T {
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttps(request);
  const isApi = pathname === "/api" || pathname.startsWith("/api/");

  // Server actions are POSTs to pages; our route handlers live under /api; better-auth checks Origin itself; the
  // provisioning API authenticates by key only (no cookie, so no cross-site forgery to stop).
  const crossSiteExempt = isAuthApiPath(pathname) || isKeyApiPath(pathname);
  const refusal = checkBodySize(request) ?? (crossSiteExempt ? null : checkOrigin(request));
  if (refusal) return withSecurityHeaders(refusal, https, API_CSP);

  const path = `${pathname}${search}`;
  if (isConsolePath(pathname) && !getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", path);
    return withSecurityHeaders(NextResponse.redirect(url), https, API_CSP);
  }

  const headers = new Headers(request.headers);
  headers.set("x-gatehouse-path", path);
  if (isApi) return withSecurityHeaders(NextResponse.next({ request: { headers } }), https, API_CSP);

  // Next reads the nonce from the request's CSP header and puts it on its scripts; the root layout reads x-nonce
  // for the theme script. A page rendered with it must be dynamic, which the root layout makes every page.
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), https, csp);
}

export const config = {
  // Everything but the build's static files (Workers serves those before the worker runs; next.config.ts and
  // public/_headers give them nosniff).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|robots\\.txt).*)"],
};
