// Reading a provisioning API request: its query string, JSON body and path ids through zod, or a 400 that names the
// fields. Nothing acts on input that has not passed here.
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/result";
import { pathIdSchema } from "@/lib/validations/provisioning";
import { apiRefusal, type OperationRefusal } from "./call";

type Parsed<T> = { ok: true; data: T } | OperationRefusal;

function invalid(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): OperationRefusal {
  const fields = fieldErrorsOf(issues);
  const [first] = Object.entries(fields);
  const message = first ? `${first[0]}: ${first[1]}` : "The request is not valid.";
  return { ...apiRefusal(400, "INVALID_REQUEST", message), fields };
}

/** The query string (empty values left out, as if absent). */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): Parsed<z.infer<S>> {
  const params = [...new URL(request.url).searchParams].filter(([, value]) => value !== "");
  const keys = params.map(([key]) => key);
  if (new Set(keys).size !== keys.length) return apiRefusal(400, "INVALID_REQUEST", "Give each parameter once.");
  const parsed = schema.safeParse(Object.fromEntries(params));
  return parsed.success ? { ok: true, data: parsed.data } : invalid(parsed.error.issues);
}

/** The JSON body (`Content-Type: application/json`). */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.infer<S>>> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return apiRefusal(400, "INVALID_REQUEST", "Send a JSON body with Content-Type: application/json.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiRefusal(400, "INVALID_JSON", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : invalid(parsed.error.issues);
}

/** A path id, or the 404 of something that cannot exist. */
export function parseId(value: string | undefined, notFound: OperationRefusal): Parsed<string> {
  const parsed = pathIdSchema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : notFound;
}
