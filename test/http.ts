// What the auth tests need of HTTP: a browser's cookie jar, the Cookie header of a response, and the refusal a call
// must end in.
import { APIError } from "better-auth/api";
import { expect } from "vitest";

/** The Cookie header a browser would send after the Set-Cookie headers of one response. */
export function cookieFrom(headers: Headers) {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** A cookie jar: the Cookie header a browser would send after the Set-Cookie headers it has seen. */
export function cookieJar(initial = "") {
  const cookies = new Map<string, string>();
  for (const part of initial.split(/;\s*/).filter(Boolean)) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index), part.slice(index + 1));
  }
  return {
    take(headers: Headers | null | undefined) {
      for (const cookie of headers?.getSetCookie() ?? []) {
        const [pair = "", ...attributes] = cookie.split(";");
        const index = pair.indexOf("=");
        const name = pair.slice(0, index).trim();
        const value = pair.slice(index + 1).trim();
        if (!value || attributes.some((a) => /max-age=0/i.test(a))) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    /** Whether a cookie whose name contains `fragment` is held. */
    has: (fragment: string) => [...cookies.keys()].some((name) => name.includes(fragment)),
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    headers(extra: Record<string, string> = {}) {
      return new Headers({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...extra });
    },
  };
}

/** The error an auth.api call throws (fails the test when it does not throw). */
export async function refusal(call: Promise<unknown>): Promise<APIError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(APIError);
  return error as APIError;
}
