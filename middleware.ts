import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

// Only a cheap presence check and the redirect: every page still calls lib/auth/guard.ts, which decides.
// (`middleware.ts`, not Next 16's `proxy.ts`: OpenNext on Workers runs only edge middleware.)
export function middleware(request: NextRequest) {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (!getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", path);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-gatehouse-path", path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/", "/account/:path*", "/org/:path*", "/admin/:path*"],
};
