// The names people choose (their own, an organization's, a team's, a role's) pass the same rules whichever way they
// arrive: the console's forms validate them with the zod schemas of lib/validations, and this plugin holds
// better-auth's HTTP endpoints (client SDK, scripts, auth.api) to those schemas. A name with control or
// text-direction characters, or too long, gets 400 with the field and the reason; an accepted name is stored
// normalized (NFC, single spaces, trimmed).
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { ZodType } from "zod";
import { roleNameSchema } from "@/lib/validations/organization";
import { organizationNameSchema, personNameSchema, teamNameFieldSchema } from "@/lib/validations/text";

type Body = Record<string, unknown>;

interface NameRule {
  /** The object holding the field: the body itself, or its `data` for update endpoints. */
  holder: (body: Body) => Body | undefined;
  field: string;
  label: string;
  schema: ZodType<string, string>;
}

function top(body: Body) {
  return body;
}

function data(body: Body) {
  const value = body.data;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Body) : undefined;
}

const person = (holder: NameRule["holder"]): NameRule => ({
  holder,
  field: "name",
  label: "Name",
  schema: personNameSchema,
});
const organization = (holder: NameRule["holder"]): NameRule => ({
  holder,
  field: "name",
  label: "Organization name",
  schema: organizationNameSchema,
});
const team = (holder: NameRule["holder"]): NameRule => ({
  holder,
  field: "name",
  label: "Team name",
  schema: teamNameFieldSchema,
});

/** Every better-auth endpoint that stores a name someone typed, and where the name sits in its body. */
export const NAME_RULES: Record<string, NameRule[]> = {
  "/sign-up/email": [person(top)],
  "/update-user": [person(top)],
  "/admin/create-user": [person(top)],
  "/admin/update-user": [person(data)],
  "/organization/create": [organization(top)],
  "/organization/update": [organization(data)],
  "/organization/create-team": [team(top)],
  "/organization/update-team": [team(data)],
  "/organization/create-role": [{ holder: top, field: "role", label: "Role name", schema: roleNameSchema }],
  "/organization/update-role": [{ holder: data, field: "roleName", label: "Role name", schema: roleNameSchema }],
};

/** Checks and normalizes the names of one request body in place; throws better-auth's 400 for a bad one. */
export function cleanNames(path: string, body: unknown): void {
  const rules = NAME_RULES[path];
  if (!rules || !body || typeof body !== "object") return;
  for (const rule of rules) {
    const holder = rule.holder(body as Body);
    // Absent (an update that keeps the name) or not a string: better-auth's own schema answers for those.
    const value = holder?.[rule.field];
    if (!holder || typeof value !== "string") continue;
    const parsed = rule.schema.safeParse(value);
    if (!parsed.success) {
      throw new APIError("BAD_REQUEST", {
        code: "INVALID_NAME",
        message: `${rule.label}: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      });
    }
    holder[rule.field] = parsed.data;
  }
}

/** Registers the name rules as a before hook on the endpoints of NAME_RULES (first plugin, so later hooks see clean names). */
export function inputHygiene() {
  return {
    id: "input-hygiene",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path !== undefined && Object.hasOwn(NAME_RULES, ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            cleanNames(ctx.path, ctx.body);
            // The body object is shared with the endpoint; returning it too keeps that explicit.
            return { context: { body: ctx.body } };
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
