// Property-style: every staff endpoint, every shape an id can be sent in, operator→operator, support→operator and
// support→user. Each decision must equal the decision on the plain string, or be a 400 before anything ran; and the
// audit row of the plain decision names the user it was about.
import { and, desc, eq, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, session as sessionTable, user as userTable } from "@/db/schema";
import { ENDPOINTS, type Rule } from "@/lib/auth/registry";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { firstShapeProblem, INVALID_REQUEST_FIELD, NULLABLE_FIELDS } from "./request-shape";

let h: Harness;
let counter = 0;
let ipCounter = 0;

async function createUser(role: "admin" | "support" | "user") {
  counter += 1;
  const email = `shape-${role}-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name: `Shape ${counter}`, email, password: PASSWORD, role, data: { emailVerified: true } },
  });
  return { id: user.id, email };
}

/** A fresh client address per request: the rate limits are not what is tested here. */
function nextIp() {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
}

async function post(path: string, body: unknown, cookie: string) {
  const res = await h.auth.handler(
    new Request(`${h.baseURL}/api/auth${path}`, {
      method: "POST",
      headers: { cookie, origin: h.baseURL, "content-type": "application/json", "cf-connecting-ip": nextIp() },
      body: JSON.stringify(body),
    }),
  );
  const json = (await res.json().catch(() => null)) as { code?: string } | null;
  return { status: res.status, code: json?.code ?? null };
}

/** Every way one id can arrive in JSON that is not the plain string. */
function oddShapes(id: string): unknown[] {
  return [[id], [[id]], [id, id], { id }, { 0: id }, 0, 12345, true, ` ${id}`, `${id} `, `${id}\n`, "", null];
}

/** What each staff endpoint needs besides the id, so that the plain request is a real one. */
const EXTRA: Record<string, Record<string, unknown>> = {
  "/admin/update-user": { data: { name: "Renamed By Shape Test" } },
  "/admin/set-role": { role: "user" },
  "/admin/ban-user": { banReason: "Property test of id shapes" },
  "/admin/set-user-password": { newPassword: "property-pass-123" },
  "/admin/impersonate-user": { reason: "Property test of id shapes" },
  // No such passkey: every pair here is refused before the endpoint looks for it.
  "/admin/remove-user-passkey": { passkeyId: "shape-test-passkey" },
};

const STAFF_ENDPOINTS = Object.entries(ENDPOINTS).filter(
  (entry): entry is [string, Rule & { target: NonNullable<Rule["target"]> }] => Boolean(entry[1].target),
);

async function snapshot(userId: string) {
  const [row] = await h.db.select().from(userTable).where(eq(userTable.id, userId));
  const sessions = await h.db.select({ id: sessionTable.id }).from(sessionTable).where(eq(sessionTable.userId, userId));
  return { row, sessions: sessions.length };
}

async function latestRow(rule: Rule, actorId: string) {
  const [row] = await h.db
    .select()
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.actorUserId, actorId),
        or(eq(auditEvent.action, rule.action), eq(auditEvent.action, `${rule.action}.denied`)),
      ),
    )
    .orderBy(desc(auditEvent.at))
    .limit(1);
  return row;
}

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

type Pair = { name: string; actor: "admin" | "support"; target: "admin" | "user" };
const PAIRS: Pair[] = [
  { name: "operator → operator", actor: "admin", target: "admin" },
  { name: "support → operator", actor: "support", target: "admin" },
  { name: "support → user", actor: "support", target: "user" },
];

describe("every staff endpoint decides on the id better-auth will act on", { timeout: 180_000 }, () => {
  for (const pair of PAIRS) {
    it(`${pair.name}: odd shapes get 400 and change nothing; the plain id decides; the row names the target`, async () => {
      const actor = await createUser(pair.actor);
      const { cookie } = await h.signIn(actor.email);
      const decisions: Record<string, { status: number; code: string | null }> = {};
      for (const [path, rule] of STAFF_ENDPOINTS) {
        const target = await createUser(pair.target);
        const targetSession = await h.signIn(target.email);
        const field = rule.target.field;
        const id = field === "sessionToken" ? targetSession.token : target.id;
        const before = await snapshot(target.id);

        for (const shape of oddShapes(id)) {
          const answer = await post(path, { ...EXTRA[path], [field]: shape }, cookie);
          expect({ path, shape, ...answer }).toMatchObject({ status: 400, code: INVALID_REQUEST_FIELD });
        }
        expect(await snapshot(target.id), `${path}: nothing changed for odd shapes`).toEqual(before);

        const plain = await post(path, { ...EXTRA[path], [field]: id }, cookie);
        decisions[path] = plain;
        expect([200, 403], `${path}: ${JSON.stringify(plain)}`).toContain(plain.status);
        if (plain.status === 403 || rule.audited) {
          const row = await latestRow(rule, actor.id);
          expect(row, `${path}: an audit row`).toBeDefined();
          expect(row?.targetUserId, `${path}: the row names the resolved target`).toBe(target.id);
        }
      }

      // What the plain ids decided, as the staff policy says.
      if (pair.name === "operator → operator") {
        for (const [path, rule] of STAFF_ENDPOINTS) {
          const expected = rule.target.operators === "refuse" ? 403 : 200;
          expect({ path, status: decisions[path]?.status }).toEqual({ path, status: expected });
          if (expected === 403) expect(decisions[path]?.code).toBe("CANNOT_ACT_ON_OPERATOR");
        }
      }
      if (pair.name === "support → operator") {
        for (const [path] of STAFF_ENDPOINTS)
          expect({ path, status: decisions[path]?.status }).toEqual({ path, status: 403 });
        expect(decisions["/admin/revoke-user-sessions"]?.code).toBe("SUPPORT_CANNOT_ACT_ON_STAFF");
        expect(decisions["/admin/list-user-sessions"]?.code).toBe("SUPPORT_CANNOT_ACT_ON_STAFF");
      }
      if (pair.name === "support → user") {
        expect(decisions["/admin/impersonate-user"]?.status).toBe(200);
        expect(decisions["/admin/revoke-user-sessions"]?.status).toBe(200);
        expect(decisions["/admin/ban-user"]?.status).toBe(403);
        expect(decisions["/admin/remove-user"]?.status).toBe(403);
      }
    });
  }

  it("holds for ids in the query too (auth.api passes any value)", async () => {
    const support = await createUser("support");
    const target = await createUser("user");
    const { headers } = await h.signIn(support.email);
    const plain = await h.auth.api.getUser({ headers, query: { id: target.id } });
    expect(plain.id).toBe(target.id);
    for (const shape of oddShapes(target.id)) {
      await expectRefused(
        h.auth.api.getUser({ headers, query: { id: shape as string } }),
        { code: INVALID_REQUEST_FIELD, status: 400 },
        JSON.stringify(shape),
      );
    }
    // Over HTTP, a repeated key is how a query sends a list.
    const repeated = await h.auth.handler(
      new Request(`${h.baseURL}/api/auth/admin/get-user?id=${target.id}&id=${target.id}`, {
        headers: { cookie: headers.get("cookie") ?? "", "cf-connecting-ip": nextIp() },
      }),
    );
    await expectRefused(repeated, { code: INVALID_REQUEST_FIELD, status: 400 });
  });

  it("refuses a role list with an odd item, and accepts a list of plain roles as better-auth does", () => {
    expect(firstShapeProblem("/admin/set-role", { userId: "u", role: ["user", "admin"] })).toBeNull();
    // The mailed links' signed tokens grow with the addresses they carry.
    expect(firstShapeProblem("/verify-email", { token: `eyJ${"a".repeat(1500)}.sig` })).toBeNull();
    expect(firstShapeProblem("/admin/set-role", { userId: "u", role: ["user", ["admin"]] })).toMatch(/role/);
    expect(firstShapeProblem("/organization/update-member-role", { memberId: "m", role: [] })).toMatch(/role/);
    expect(firstShapeProblem("/organization/invite-member", { email: ["a@b.test"], role: "member" })).toMatch(/email/);
  });

  it("allows null exactly where the endpoint's own schema means 'none' by it", () => {
    const api = h.auth.api as unknown as Record<
      string,
      {
        path?: string;
        options?: {
          body?: { shape?: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> };
        };
      }
    >;
    for (const endpoint of Object.values(api)) {
      const shape = endpoint.options?.body?.shape;
      if (!endpoint.path || !shape) continue;
      for (const [field, schema] of Object.entries(shape)) {
        const parsed = schema.safeParse(null);
        const schemaMeansNone = parsed.success && parsed.data === null;
        const gateAllows = firstShapeProblem(endpoint.path, { [field]: null }) === null;
        // Fields the gate does not check (names, flags) are better-auth's own business.
        const checked = firstShapeProblem(endpoint.path, { [field]: [[1]] }) !== null;
        if (!checked) continue;
        expect({ path: endpoint.path, field, allowed: gateAllows }).toEqual({
          path: endpoint.path,
          field,
          allowed: schemaMeansNone,
        });
      }
    }
    expect(NULLABLE_FIELDS["/organization/set-active"]).toContain("organizationId");
  });
});
