// Webhooks end to end below the browser: audit rows put events in the outbox in their batch, deliveries are signed
// (verified by a loopback receiver with `standardwebhooks`), retried on schedule, replayed with the same id,
// reconciled after an interrupted request, and an endpoint failing for a day is disabled with a mail.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvent,
  user,
  webhookAttempt,
  webhookDelivery,
  webhookEndpoint,
  webhookEvent,
  webhookIntent,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { type Receiver, startReceiver } from "@/test/webhook-receiver";
import { withDeliveryScope } from "./after-commit";
import { WEBHOOK_EVENT_TYPES } from "./catalogue";
import { runWebhookCron } from "./cron";
import { type DeliverySettings, deliverDue } from "./deliver";
import { createEndpoint, replayDelivery } from "./endpoints";
import { INTENT_GRACE_MS } from "./intents";
import { endpointUrlProblem } from "./settings";

let h: Harness;
let receiver: Receiver;
let settings: DeliverySettings;
const ids: Record<string, string> = {};
const operator = { actorUserId: null };

async function createUser(key: string, role: "admin" | "user") {
  const { user } = await h.auth.api.createUser({
    body: {
      name: `User ${key}`,
      email: `${key}@example.test`,
      password: PASSWORD,
      role,
      data: { emailVerified: true },
    },
  });
  ids[key] = user.id;
  return user.id;
}
const signIn = async (key: string) =>
  (await h.signIn(`${key}@example.test`, { extra: { "cf-connecting-ip": "203.0.113.30" } })).headers;

async function deliveriesOf(eventType: string, userId: string) {
  const events = (await h.db.select().from(webhookEvent).where(eq(webhookEvent.type, eventType))).filter(
    (e) => (JSON.parse(e.payload).data.user?.id ?? null) === userId,
  );
  return Promise.all(
    events.map(async (event) => ({
      event,
      deliveries: await h.db.select().from(webhookDelivery).where(eq(webhookDelivery.eventId, event.id)),
    })),
  );
}

beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
  settings = {
    BETTER_AUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789",
    BETTER_AUTH_URL: h.baseURL,
    RESEND_API_KEY: "re_test",
    RESEND_BASE_URL: h.sink.url,
    WEBHOOK_RETRY_SECONDS: "0,0,0,0",
    WEBHOOK_ALLOW_LOOPBACK: "on",
  };
  await createUser("op", "admin");
  await createUser("victim", "user");
  await createUser("member", "user");
  const { secret } = await createEndpoint(h.db, settings.BETTER_AUTH_SECRET, { organizationId: null }, operator, {
    url: receiver.url,
    eventTypes: [...WEBHOOK_EVENT_TYPES],
  });
  receiver.setSecret(secret);
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});

describe("events from the audit trail", () => {
  it("a ban leaves one user.banned event with its delivery in the batch of its audit row, without the reason", async () => {
    await h.auth.api.banUser({
      headers: await signIn("op"),
      body: { userId: ids.victim as string, banReason: "Chargeback fraud, ticket 991" },
    });
    const [banned, ...more] = await deliveriesOf("user.banned", ids.victim as string);
    expect(more).toEqual([]);
    expect(banned?.deliveries).toHaveLength(1);
    expect(banned?.deliveries[0]).toMatchObject({ status: "pending", attempts: 0 });
    expect(banned?.event.payload).not.toContain("Chargeback");
    expect(banned?.event.payload).not.toMatch(/203\.0\.113/);
    // The refused attempt (an operator banning themself) is audited as denied and emits nothing.
    await expect(
      h.auth.api.banUser({ headers: await signIn("op"), body: { userId: ids.op as string, banReason: "x" } }),
    ).rejects.toThrow();
    expect(await deliveriesOf("user.banned", ids.op as string)).toEqual([]);

    expect(await deliverDue(h.db, settings)).toBeGreaterThanOrEqual(1);
    const got = receiver.deliveries("user.banned", (d) => (d.user as { id: string }).id === ids.victim);
    expect(got).toHaveLength(1);
    expect(got[0]?.id).toBe(banned?.event.id);
    expect(got[0]?.data).toEqual({ user: { id: ids.victim }, expiresAt: null });
  });

  it("retries on schedule: three failures then a success is one delivery with four attempts", async () => {
    receiver.failNext(3, "user.unbanned");
    await h.auth.api.unbanUser({ headers: await signIn("op"), body: { userId: ids.victim as string } });
    for (let i = 0; i < 4; i++) await deliverDue(h.db, settings);
    const [unbanned] = await deliveriesOf("user.unbanned", ids.victim as string);
    const delivery = unbanned?.deliveries[0];
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 4, lastStatus: 204 });
    const attempts = await h.db
      .select()
      .from(webhookAttempt)
      .where(eq(webhookAttempt.deliveryId, delivery?.id ?? ""));
    expect(attempts.map((a) => a.status).sort()).toEqual([204, 500, 500, 500]);
    expect(attempts.find((a) => a.status === 500)?.responseBody).toBe("receiver said no");

    // A replay is a new delivery of the same event: the receiver sees the same webhook-id again.
    const replay = await replayDelivery(h.db, { organizationId: null }, operator, delivery?.id ?? "");
    await deliverDue(h.db, settings, { deliveryIds: [replay?.id ?? ""] });
    const seen = receiver.deliveries("user.unbanned", (d) => (d.user as { id: string }).id === ids.victim);
    expect(seen.filter((r) => r.answered === 204).map((r) => r.id)).toEqual([unbanned?.event.id, unbanned?.event.id]);
  });

  it("removing a member emits member.removed to the organization's endpoint and the platform's", async () => {
    const ownerHeaders = await signIn("op");
    const org = await h.auth.api.createOrganization({ headers: ownerHeaders, body: { name: "Hooks", slug: "hooks" } });
    const orgReceiver = await startReceiver();
    const { secret } = await createEndpoint(
      h.db,
      settings.BETTER_AUTH_SECRET,
      { organizationId: org?.id ?? "" },
      operator,
      {
        url: orgReceiver.url,
        eventTypes: ["member.removed"],
      },
    );
    orgReceiver.setSecret(secret);
    await h.auth.api.addMember({ body: { userId: ids.member as string, organizationId: org?.id, role: "member" } });
    await h.auth.api.removeMember({
      headers: ownerHeaders,
      body: { memberIdOrEmail: "member@example.test", organizationId: org?.id },
    });
    await deliverDue(h.db, settings);
    const match = (d: Record<string, unknown>) => (d.user as { id: string }).id === ids.member;
    expect(orgReceiver.deliveries("member.removed", match)).toHaveLength(1);
    expect(orgReceiver.deliveries("member.removed", match)[0]?.data).toMatchObject({
      organization: { id: org?.id },
      role: "member",
      left: false,
    });
    expect(receiver.deliveries("member.removed", match)).toHaveLength(1);
    expect(await h.db.select().from(webhookIntent)).toEqual([]);
    await orgReceiver.close();
  });
});

describe("events the audit trail did not record before", () => {
  it("a sign-up is user.created with the email and name, once; an address that has an account emits nothing", async () => {
    const body = { name: "New Person", email: "new.person@example.test", password: PASSWORD };
    const { user: created } = await h.auth.api.signUpEmail({ body });
    await h.auth.api.signUpEmail({ body: { ...body, name: "Someone Else" } });
    await deliverDue(h.db, settings);
    const events = receiver.deliveries("user.created", (d) => (d.user as { email?: string }).email === body.email);
    expect(events.map((e) => e.data)).toEqual([
      { user: { id: created.id, email: body.email, name: "New Person" }, via: "sign_up" },
    ]);
  });

  it("a sign-in is session.created, without the session token or the client address", async () => {
    const { token } = await h.signIn("member@example.test");
    await deliverDue(h.db, settings);
    const [event] = receiver.deliveries("session.created", (d) => (d.user as { id: string }).id === ids.member);
    expect(event?.data).toEqual({ user: { id: ids.member }, session: { id: expect.any(String) } });
    expect(JSON.stringify(event?.data)).not.toContain(token);
    expect(JSON.stringify(event?.data)).not.toMatch(/203\.0\.113/);
  });
});

describe("delivery right after a request", () => {
  it("is asked for when the event queued a delivery, and not when no endpoint takes it (no read for nothing)", async () => {
    const asked: string[][] = [];
    const record = () =>
      withDeliveryScope(
        (eventIds) => asked.push(eventIds),
        () =>
          recordAudit(h.db, {
            action: "user.sign_in",
            actorUserId: ids.member,
            targetUserId: ids.member,
            metadata: { sessionId: "session-1" },
          }),
      );
    await record();
    expect(asked).toHaveLength(1);
    await h.db.update(webhookEndpoint).set({ enabled: false });
    try {
      await record();
      expect(asked).toHaveLength(1);
    } finally {
      await h.db.update(webhookEndpoint).set({ enabled: true });
    }
    // Both events are in the outbox all the same.
    expect((await deliveriesOf("session.created", ids.member as string)).length).toBeGreaterThanOrEqual(2);
  });
});

describe("interrupted requests", () => {
  it("the cron writes the audit row and the event of a change whose after-hook never ran", async () => {
    const userId = await createUser("interrupted", "user");
    const long = new Date(Date.now() - INTENT_GRACE_MS - 1000);
    // What an isolate that died right after better-auth's write leaves: the intent, and the user banned.
    await h.db.insert(webhookIntent).values({
      id: "intent-1",
      path: "/admin/ban-user",
      actorUserId: ids.op,
      targetUserId: userId,
      detail: { wasBanned: false },
      createdAt: long,
    });
    await h.db.update(user).set({ banned: true }).where(eq(user.id, userId));
    await runWebhookCron(h.db, settings);
    const [row] = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "user.ban"), eq(auditEvent.targetUserId, userId)));
    expect(row?.metadata).toMatchObject({ reconciled: true });
    expect(receiver.deliveries("user.banned", (d) => (d.user as { id: string }).id === userId)).toHaveLength(1);
    expect(await h.db.select().from(webhookIntent)).toEqual([]);

    // An intent whose change never landed leaves nothing.
    await h.db.insert(webhookIntent).values({
      id: "intent-2",
      path: "/admin/ban-user",
      targetUserId: ids.member,
      detail: { wasBanned: false },
      createdAt: long,
    });
    await runWebhookCron(h.db, settings);
    expect(await deliveriesOf("user.banned", ids.member as string)).toEqual([]);
  });
});

describe("endpoints", () => {
  it("an endpoint failing for a day is disabled and its creator mailed", async () => {
    const dead = await startReceiver();
    const { id } = await createEndpoint(
      h.db,
      settings.BETTER_AUTH_SECRET,
      { organizationId: null },
      { actorUserId: ids.op },
      {
        url: dead.url,
        eventTypes: ["user.created"],
      },
    );
    await dead.close(); // nothing listens any more
    await h.db
      .update(webhookEndpoint)
      .set({ failingSince: new Date(Date.now() - 25 * 60 * 60 * 1000) })
      .where(eq(webhookEndpoint.id, id));
    await createUser("late", "user");
    await deliverDue(h.db, settings);
    const [endpoint] = await h.db.select().from(webhookEndpoint).where(eq(webhookEndpoint.id, id));
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "failing" });
    const mail = h.sink.messages().find((m) => m.to.includes("op@example.test") && /webhook/i.test(m.subject));
    expect(mail?.text).toContain(dead.url);
  });

  it("takes https URLs, and loopback only where the setting allows it", () => {
    expect(endpointUrlProblem("https://hooks.example.com/x", {})).toBeNull();
    expect(endpointUrlProblem("http://hooks.example.com/x", {})).toMatch(/https/);
    expect(endpointUrlProblem("http://127.0.0.1:8802/x", {})).toMatch(/Loopback/);
    expect(endpointUrlProblem("http://127.0.0.1:8802/x", { WEBHOOK_ALLOW_LOOPBACK: "on" })).toBeNull();
    expect(endpointUrlProblem("https://user:pw@hooks.example.com", {})).toMatch(/user name/);
    expect(endpointUrlProblem("not a url", {})).toMatch(/full URL/);
  });
});
