import { BASE_URL, OPERATOR } from "./config";
import { expect, test, uniqueEmail } from "./fixtures";
import { createSdkClient } from "./sdk-client";

/** GET a console route with the cookies an SDK client holds (as a script next to the SDK would). */
async function getWithCookies(cookies: Map<string, string>, path: string, clientIp: string) {
  const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return fetch(`${BASE_URL}${path}`, { headers: { cookie, "cf-connecting-ip": clientIp } });
}

interface AuditEventJson {
  action: string;
  actorUserId: string | null;
  actorEmail: string | null;
  impersonatorUserId: string | null;
  targetUserId: string | null;
  reason: string | null;
  metadata: Record<string, unknown> | null;
}

// The operator rules and the audit trail as seen from better-auth's own client SDK over HTTP: no console screens.
test("raw admin endpoints: impersonation needs a reason; ban, unban and impersonation land in the audit API", async ({
  clientIp,
}) => {
  const operator = createSdkClient({ baseURL: BASE_URL, clientIp });
  expect((await operator.client.signIn.email(OPERATOR)).error).toBeNull();

  const email = uniqueEmail("sdk-target");
  const created = await operator.client.admin.createUser({
    email,
    name: "Sdk Target",
    password: "sdk-target-password-1",
    role: "user",
    data: { emailVerified: true },
  });
  expect(created.error).toBeNull();
  const userId = created.data?.user.id as string;

  // No reason: refused with 400 and a message saying what is missing.
  const noReason = await operator.client.admin.impersonateUser({ userId });
  expect(noReason.error?.status).toBe(400);
  expect(noReason.error?.code).toBe("IMPERSONATION_REASON_REQUIRED");
  expect(noReason.error?.message).toMatch(/reason .*at least 10 characters/i);
  const shortReason: { userId: string; reason: string } = { userId, reason: "because" };
  expect((await operator.client.admin.impersonateUser(shortReason)).error?.status).toBe(400);

  // Ban (reason and expiry) and unban through the raw endpoints.
  const banNoReason = await operator.client.admin.banUser({ userId });
  expect(banNoReason.error?.status).toBe(400);
  const banned = await operator.client.admin.banUser({
    userId,
    banReason: "Chargeback fraud, case 77",
    banExpiresIn: 60 * 60,
  });
  expect(banned.error).toBeNull();
  const target = createSdkClient({ baseURL: BASE_URL, clientIp });
  const refused = await target.client.signIn.email({ email, password: "sdk-target-password-1" });
  expect(refused.error?.code).toBe("BANNED_USER");
  expect(refused.error?.message).toMatch(/suspended until/);
  const unbanBody: { userId: string; reason: string } = { userId, reason: "Case 77 resolved in their favour" };
  expect((await operator.client.admin.unbanUser(unbanBody)).error).toBeNull();

  // Impersonation with a reason, in its own client (its cookie jar becomes the user's), then stop.
  const impersonator = createSdkClient({ baseURL: BASE_URL, clientIp });
  expect((await impersonator.client.signIn.email(OPERATOR)).error).toBeNull();
  const body: { userId: string; reason: string } = { userId, reason: "Reproducing the SDK bug report" };
  const started = await impersonator.client.admin.impersonateUser(body);
  expect(started.error).toBeNull();
  const asUser = await impersonator.client.getSession();
  expect(asUser.data?.user.email).toBe(email);
  const expiresIn = new Date(asUser.data?.session.expiresAt as Date).getTime() - Date.now();
  expect(expiresIn).toBeLessThanOrEqual(60 * 60 * 1000);
  // While impersonating: no admin endpoint, no audit API, no security change.
  expect((await impersonator.client.admin.listUsers({ query: {} })).error?.status).toBe(403);
  expect((await getWithCookies(impersonator.cookies(), "/api/admin/audit-events", clientIp)).status).toBe(403);
  expect((await getWithCookies(impersonator.cookies(), "/api/admin/users/search?q=a", clientIp)).status).toBe(403);
  const pw = await impersonator.client.changePassword({
    currentPassword: "sdk-target-password-1",
    newPassword: "hijacked-password-1",
  });
  expect(pw.error?.status).toBe(403);
  expect((await impersonator.client.admin.stopImpersonating()).error).toBeNull();
  expect((await impersonator.client.getSession()).data?.user.email).toBe(OPERATOR.email);

  // The audit API, for operators and support, shows each of them with the reason.
  const response = await getWithCookies(operator.cookies(), `/api/admin/audit-events?targetUserId=${userId}`, clientIp);
  expect(response.status).toBe(200);
  const { events } = (await response.json()) as { events: AuditEventJson[]; nextCursor: string | null };
  const byAction = (action: string) => events.find((event) => event.action === action);
  expect(byAction("user.create")).toMatchObject({ actorEmail: OPERATOR.email, targetUserId: userId });
  expect(byAction("user.ban")).toMatchObject({
    actorEmail: OPERATOR.email,
    reason: "Chargeback fraud, case 77",
    metadata: { expiresAt: expect.any(String) },
  });
  expect(byAction("user.unban")).toMatchObject({ reason: "Case 77 resolved in their favour" });
  expect(byAction("impersonation.start")).toMatchObject({
    actorEmail: OPERATOR.email,
    reason: "Reproducing the SDK bug report",
  });
  expect(byAction("impersonation.stop")).toMatchObject({ actorEmail: OPERATOR.email });

  // The staff routes refused to the impersonation are recorded with the user as actor and the operator behind them.
  const byUser = await getWithCookies(operator.cookies(), `/api/admin/audit-events?actorUserId=${userId}`, clientIp);
  const refusals = ((await byUser.json()) as { events: AuditEventJson[] }).events;
  const operatorId = (await operator.client.getSession()).data?.user.id;
  expect(operatorId).toBeTruthy();
  for (const action of ["audit.read.denied", "user.list.denied"]) {
    expect(refusals.find((event) => event.action === action)).toMatchObject({
      actorUserId: userId,
      impersonatorUserId: operatorId,
      metadata: { code: "NOT_WHILE_IMPERSONATING" },
    });
  }
  expect(byAction("user.password.change.denied")).toMatchObject({
    impersonatorUserId: expect.any(String),
    targetUserId: userId,
  });

  // The console's CSV export of the trail says the same.
  const csv = await (
    await getWithCookies(operator.cookies(), `/api/admin/audit/export?target=${encodeURIComponent(email)}`, clientIp)
  ).text();
  expect(csv.split("\r\n")[0]).toMatch(/^at,action,actor_id,actor_email,/);
  expect(csv).toContain("user.ban");
  expect(csv).toContain("Chargeback fraud, case 77");

  // Filters and cursor paging.
  const onlyBans = await getWithCookies(
    operator.cookies(),
    `/api/admin/audit-events?targetUserId=${userId}&action=user.ban`,
    clientIp,
  );
  const bans = (await onlyBans.json()) as { events: AuditEventJson[] };
  expect(bans.events.map((event) => event.action)).toEqual(["user.ban"]);
  const first = (await (
    await getWithCookies(operator.cookies(), `/api/admin/audit-events?targetUserId=${userId}&limit=2`, clientIp)
  ).json()) as { events: AuditEventJson[]; nextCursor: string | null };
  expect(first.events).toHaveLength(2);
  expect(first.nextCursor).toBeTruthy();
  const second = (await (
    await getWithCookies(
      operator.cookies(),
      `/api/admin/audit-events?targetUserId=${userId}&limit=2&cursor=${first.nextCursor}`,
      clientIp,
    )
  ).json()) as { events: AuditEventJson[] };
  expect(second.events.length).toBeGreaterThan(0);
  expect(new Set([...first.events, ...second.events].map((event) => JSON.stringify(event))).size).toBe(
    first.events.length + second.events.length,
  );
});

test("the audit API answers 403 to signed-out callers and to plain users", async ({ clientIp }) => {
  expect((await fetch(`${BASE_URL}/api/admin/audit-events`)).status).toBe(403);
  const user = createSdkClient({ baseURL: BASE_URL, clientIp });
  expect((await user.client.signIn.email({ email: "carol@acme.test", password: "gatehouse-demo-1" })).error).toBeNull();
  expect((await getWithCookies(user.cookies(), "/api/admin/audit-events", clientIp)).status).toBe(403);
  // And the admin plugin refuses a plain user's ban as well.
  expect((await user.client.admin.banUser({ userId: "anyone", banReason: "No right to do this" })).error?.status).toBe(
    403,
  );
});
