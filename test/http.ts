// What the tests need of HTTP: a browser's cookies (test/cookies.ts), and the refusal a call must end in, named by
// its code or status.
import { APIError } from "better-auth/api";
import { expect } from "vitest";

export { type CookieJar, cookieFrom, cookieJar, parseSetCookies, type SetCookie } from "./cookies";

/** What a refusal said, whatever shape it came in. */
export interface Refusal {
  /** The HTTP status (absent for an ActionResult, which has none). */
  status?: number;
  /** better-auth's (or our plugins', or our action's) code. */
  code?: string;
  message?: string;
  /** The JSON body of a Response, or an APIError's body (e.g. the organizations of USER_IS_ONLY_OWNER). */
  body?: Record<string, unknown> | null;
  /** The headers of a Response or an APIError (e.g. X-Retry-After). */
  headers?: Headers;
}

/** What a refusal must be: its code, its HTTP status, or both. */
export type Expected = string | number | { code?: string; status?: number };

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null;
const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * What `outcome` says when it is a refusal; null when it is not one. Understands a thrown (or returned) APIError of
 * `auth.api.*` (statusCode, body.code), a Response (status, JSON body's code), better-auth's client answer
 * `{ data, error: { code, status, message } }`, and our ActionResult `{ ok: false, code, error }`.
 */
async function refusalOf(outcome: unknown): Promise<Refusal | null> {
  if (outcome instanceof APIError) {
    const body = isObject(outcome.body) ? outcome.body : null;
    return {
      status: outcome.statusCode,
      code: text(body?.code),
      message: text(body?.message) ?? outcome.message,
      body,
      headers: new Headers(outcome.headers),
    };
  }
  if (outcome instanceof Response) {
    if (outcome.ok || (outcome.status >= 300 && outcome.status < 400)) return null;
    const json: unknown = await outcome
      .clone()
      .json()
      .catch(() => null);
    const body = isObject(json) ? json : null;
    return {
      status: outcome.status,
      code: text(body?.code),
      message: text(body?.message),
      body,
      headers: outcome.headers,
    };
  }
  if (!isObject(outcome)) return null;
  if (outcome.ok === false) return { code: text(outcome.code), message: text(outcome.error), body: outcome };
  if ("error" in outcome && isObject(outcome.error)) {
    const { error } = outcome;
    return {
      status: typeof error.status === "number" ? error.status : undefined,
      code: text(error.code),
      message: text(error.message),
      body: error,
    };
  }
  return null;
}

/**
 * Asserts that `result` is a refusal with exactly this code (a string) or HTTP status (a number), or both, and
 * returns what it said. `result` may be the promise of an `auth.api.*` call (it must reject with an APIError), a
 * Response, better-auth's client answer `{ data, error }`, or an ActionResult.
 */
export async function expectRefused(result: unknown, expected: Expected, context?: string): Promise<Refusal> {
  const outcome = result instanceof Promise ? await result.catch((error: unknown) => error) : result;
  const refusal = await refusalOf(outcome);
  if (!refusal) {
    expect.fail(
      `${context ? `${context}: ` : ""}expected a refusal (${JSON.stringify(expected)}), got ${summary(outcome)}`,
    );
  }
  const wanted =
    typeof expected === "string" ? { code: expected } : typeof expected === "number" ? { status: expected } : expected;
  const got = {
    ...("code" in wanted ? { code: refusal.code } : {}),
    ...("status" in wanted ? { status: refusal.status } : {}),
  };
  expect(
    got,
    `${context ? `${context}: ` : ""}refused, but not as expected (${refusal.message ?? "no message"})`,
  ).toEqual(wanted);
  return refusal;
}

function summary(outcome: unknown) {
  if (outcome instanceof Response) return `a ${outcome.status} response`;
  if (outcome instanceof Error) return `${outcome.name}: ${outcome.message}`;
  try {
    return JSON.stringify(outcome)?.slice(0, 200) ?? String(outcome);
  } catch {
    return String(outcome);
  }
}
