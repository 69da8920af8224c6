// Impersonation is read-only: every endpoint the registry does not allow an impersonation session refuses it, over
// HTTP, with an audit row naming the staff member, the account and the target; what it allows (moving around, ending
// the impersonation) works and leaves nothing of the impersonation behind.
import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, session as sessionTable, verification } from "@/db/schema";
import { ENDPOINTS } from "@/lib/auth/registry";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { cookieJar, expectRefused } from "@/test/http";

let h: Harness;
let counter = 0;

async function createUser(role: "admin" | "support" | "user") {
  counter += 1;
  const email = `imp-${role}-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name: `Imp ${counter}`, email, password: PASSWORD, role, data: { emailVerified: true } },
  });
  return { id: user.id, email };
}

/** An operator signed in and impersonating a fresh user: the browser, and who is who. */
async function impersonation() {
  const operator = await createUser("admin");
  const user = await createUser("user");
  const browser = cookieJar();
  const signedIn = await h.auth.api.signInEmail({
    body: { email: operator.email, password: PASSWORD },
    returnHeaders: true,
  });
  browser.take(signedIn.headers);
  const started = await h.auth.api.impersonateUser({
    body: { userId: user.id, reason: "Seeing what the user sees" } as { userId: string },
    headers: new Headers({ cookie: browser.header() }),
    returnHeaders: true,
  });
  browser.take(started.headers);
  return { operator, user, browser, operatorToken: signedIn.response.token, token: started.response.session.token };
}

let ip = 0;
function request(path: string, method: string, cookie: string, body?: unknown) {
  ip += 1;
  return h.auth.handler(
    new Request(`${h.baseURL}/api/auth${path}`, {
      method,
      headers: {
        cookie,
        origin: h.baseURL,
        "content-type": "application/json",
        "cf-connecting-ip": `10.88.${Math.floor(ip / 250)}.${ip % 250}`,
      },
      ...(method === "GET" ? {} : { body: JSON.stringify(body ?? {}) }),
    }),
  );
}

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe("an impersonation session", { timeout: 120_000 }, () => {
  it("is refused every endpoint the registry does not allow it, with an audit row naming both people", async () => {
    const { operator, user, browser } = await impersonation();
    const api = h.auth.api as unknown as Record<string, { path?: string; options?: { method?: string | string[] } }>;
    // Endpoints only our server code may call are refused over HTTP before this rule (next describe).
    const refused = Object.values(api).filter(
      (e) => e.path && ENDPOINTS[e.path]?.whileImpersonating === false && ENDPOINTS[e.path]?.callers !== "server",
    );
    expect(refused.length).toBeGreaterThan(60);
    for (const endpoint of refused) {
      const path = (endpoint.path as string).replace(":id", "credential").replace(":token", "x");
      const method = [endpoint.options?.method].flat()[0] ?? "POST";
      const res = await request(path, method === "*" ? "POST" : method, browser.header());
      const body = (await res.json().catch(() => null)) as { code?: string } | null;
      expect({ path, status: res.status, code: body?.code }).toEqual({
        path,
        status: 403,
        code: "NOT_WHILE_IMPERSONATING",
      });
    }
    const denied = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.impersonatorUserId, operator.id), like(auditEvent.action, "%.denied")));
    expect(denied.length).toBe(refused.length);
    expect(denied.every((row) => row.actorUserId === user.id)).toBe(true);
    const passwordRow = denied.find((row) => row.action === "user.password.change.denied");
    expect(passwordRow).toMatchObject({ targetUserId: user.id, metadata: { code: "NOT_WHILE_IMPERSONATING" } });
  });

  it("names the member a refused organization change was about", async () => {
    const { operator, user, browser } = await impersonation();
    const other = await createUser("user");
    const org = await h.auth.api.createOrganization({
      body: { name: "Looked At", slug: `looked-at-${counter}`, userId: user.id },
    });
    const added = await h.auth.api.addMember({ body: { userId: other.id, role: "member", organizationId: org?.id } });
    const res = await request("/organization/update-member-role", "POST", browser.header(), {
      memberId: added?.id,
      role: "admin",
      organizationId: org?.id,
    });
    await expectRefused(res, { code: "NOT_WHILE_IMPERSONATING", status: 403 });
    const [row] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "member.role.update.denied"), eq(auditEvent.impersonatorUserId, operator.id)));
    expect(row).toMatchObject({ actorUserId: user.id, targetUserId: other.id });
  });

  it("may switch organizations, without moving where the real user's next sign-in starts", async () => {
    const { user, browser } = await impersonation();
    const org = await h.auth.api.createOrganization({
      body: { name: "Switch Here", slug: `switch-here-${counter}`, userId: user.id },
    });
    const res = await request("/organization/set-active", "POST", browser.header(), { organizationId: org?.id });
    expect(res.status).toBe(200);
    const saved = await h.db
      .select()
      .from(verification)
      .where(eq(verification.identifier, `last-active-organization:${user.id}`));
    expect(saved).toEqual([]);
  });

  it("ends with sign-out like stop-impersonating: no impersonation session, no admin_session cookie, audited", async () => {
    const { operator, user, browser, token, operatorToken } = await impersonation();
    expect(browser.has("admin_session")).toBe(true);
    const res = await request("/sign-out", "POST", browser.header());
    expect(res.status).toBe(200);
    browser.take(res.headers);
    expect(browser.has("admin_session")).toBe(false);
    expect(browser.has("session_token")).toBe(false);
    const left = await h.db.select().from(sessionTable).where(eq(sessionTable.token, token));
    expect(left).toEqual([]);
    // The staff member signed out of this browser: their own session there ends too.
    const own = await h.db.select().from(sessionTable).where(eq(sessionTable.token, operatorToken));
    expect(own).toEqual([]);
    const [stop] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "impersonation.stop"), eq(auditEvent.targetUserId, user.id)))
      .orderBy(desc(auditEvent.at));
    expect(stop).toMatchObject({ actorUserId: operator.id, metadata: { via: "sign-out" } });
  });

  it("still reads what the user sees", async () => {
    const { user, browser } = await impersonation();
    const session = await request("/get-session", "GET", browser.header());
    expect(((await session.json()) as { user: { id: string } }).user.id).toBe(user.id);
    expect((await request("/organization/list", "GET", browser.header())).status).toBe(200);
    expect((await request("/list-sessions", "GET", browser.header())).status).toBe(200);
  });
});

describe("an endpoint only our server code may call", () => {
  it("is refused over HTTP, signed in or not, with an audit row; auth.api still reaches it", async () => {
    const api = h.auth.api as unknown as Record<string, { path?: string; options?: { method?: string | string[] } }>;
    const serverOnly = Object.values(api).filter((e) => e.path && ENDPOINTS[e.path]?.callers === "server");
    // The api-key plugin's endpoints (a session could otherwise make a key with any creator in its metadata).
    expect(serverOnly.map((e) => e.path).sort()).toEqual([
      "/api-key/create",
      "/api-key/delete",
      "/api-key/get",
      "/api-key/list",
      "/api-key/update",
    ]);
    const owner = await createUser("user");
    const signedIn = await h.auth.api.signInEmail({
      body: { email: owner.email, password: PASSWORD },
      returnHeaders: true,
    });
    const browser = cookieJar();
    browser.take(signedIn.headers);
    const org = await h.auth.api.createOrganization({
      body: { name: "Keyed", slug: `keyed-${counter}`, userId: owner.id },
    });
    for (const endpoint of serverOnly) {
      const method = [endpoint.options?.method].flat()[0] ?? "POST";
      for (const cookie of [browser.header(), ""]) {
        const res = await request(endpoint.path as string, method, cookie, { organizationId: org?.id, name: "x" });
        await expectRefused(res, { code: "SERVER_ONLY_ENDPOINT", status: 403 });
      }
    }
    const denied = await h.db.select().from(auditEvent).where(eq(auditEvent.action, "apikey.create.denied"));
    expect(denied).toHaveLength(2);
    expect(denied.map((row) => row.actorUserId).sort()).toEqual([owner.id, null].sort());
    const made = await h.auth.api.createApiKey({
      body: { organizationId: org?.id, userId: owner.id, name: "From the server" },
    });
    expect(made.key).toMatch(/^gatehouse_/);
  });
});
