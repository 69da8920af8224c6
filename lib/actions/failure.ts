import "server-only";
import { APIError } from "better-auth/api";
import { describeAuthError } from "@/lib/auth/errors";
import { type ActionFailure, UNEXPECTED_ERROR } from "./result";

/** The code of a better-auth refusal thrown by `auth.api.*`, when it has one. */
export function codeOf(error: unknown): string | undefined {
  return error instanceof APIError && typeof error.body?.code === "string" ? error.body.code : undefined;
}

/** A better-auth refusal in the console's words; anything else is logged and answered generically. */
export function describeApiError(error: unknown, context: string): string {
  if (error instanceof APIError) {
    return describeAuthError({ code: codeOf(error), message: error.message, status: error.statusCode });
  }
  console.error(`${context} failed:`, error);
  return UNEXPECTED_ERROR;
}

/** A failed `auth.api.*` call as an action result: the words, and better-auth's code (e.g. FRESH_SIGN_IN_REQUIRED). */
export function apiFailure(error: unknown, context: string): ActionFailure {
  const code = codeOf(error);
  return { ok: false, error: describeApiError(error, context), ...(code ? { code } : {}) };
}
