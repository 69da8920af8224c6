// better-auth counts every request against its rate limit (our D1 storage: create-auth.ts) before it reads the body.
// A password sign-in then makes a D1 call of its own to claim its lockout attempt, once the body names the address
// (plugins/account-lockout.ts). Under cachedAuthHandler the two go in one call: the rate limiter's count for
// /sign-in/email is held in the request's state, and the lockout hook sends it first in the claim's batch, refusing
// with better-auth's 429 before any password is checked. A request that never reaches that hook (refused earlier:
// origin, body, another hook) is counted when it ends, so every request still counts (README, "Performance").
// Outside cachedAuthHandler (Next's route handler in `next dev`) nothing is held: the count is made at once.
import { defineRequestState, hasRequestState } from "@better-auth/core/context";
import { APIError } from "better-auth/api";
import type { RateLimitRule } from "./plugins/server-call-rate-limit";

/** The paths whose count may wait for the lockout claim. */
const HELD_PATHS = new Set(["/sign-in/email"]);

export interface HeldCount {
  key: string;
  rule: RateLimitRule;
  /** Counts it on its own (when the request ends without the lockout hook having taken it). */
  settle: () => Promise<unknown>;
}

const held = defineRequestState<HeldCount | null>(() => null);

/** Holds the rate limiter's count of this request for the lockout claim; false when it must be counted now. */
export async function holdRateLimitCount(count: HeldCount): Promise<boolean> {
  const path = count.key.slice(count.key.lastIndexOf("|") + 1); // better-auth's keys are `<address>|<path>`
  if (!HELD_PATHS.has(path) || !(await hasRequestState())) return false;
  await held.set(count);
  return true;
}

/** The count held for this request, taken (the caller sends it). */
export async function takeHeldRateLimitCount(): Promise<HeldCount | null> {
  if (!(await hasRequestState())) return null;
  const count = await held.get();
  if (count) await held.set(null);
  return count;
}

/** At the end of a request: a count still held is made now. */
export async function settleHeldRateLimitCount() {
  await (await takeHeldRateLimitCount())?.settle();
}

/** better-auth's own refusal when the rate limit is spent (api/rate-limiter: rateLimitResponse), as an APIError. */
export function rateLimitRefusal(retryAfter: number) {
  return new APIError(
    "TOO_MANY_REQUESTS",
    { message: "Too many requests. Please try again later." },
    { "X-Retry-After": String(retryAfter) },
  );
}
