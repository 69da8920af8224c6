// How a session signed in (plugins/sign-in-methods.ts) and an organization's two-factor requirement on better-auth's
// endpoints (plugins/organization-two-factor.ts), through auth.api over the real migrations.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, member, organizationPolicy, session as sessionTable } from "@/db/schema";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { cookieJar, expectRefused } from "@/test/http";
import { authenticator, secretFromUri } from "@/test/totp";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

let counter = 0;
const DAY = 24 * 60 * 60 * 1000;

async function person(name: string) {
  counter += 1;
  const email = `${name.toLowerCase()}-${counter}@example.test`;
  const { user } = await h.auth.api.createUser({
    body: { name, email, password: PASSWORD, data: { emailVerified: true } },
  });
  const browser = cookieJar();
  browser.take((await h.auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true })).headers);
  return { id: user.id, email, browser };
}

/** Sets up an authenticator app in the person's session; returns the app. */
async function enrolTotp(who: Awaited<ReturnType<typeof person>>) {
  const enabled = await h.auth.api.enableTwoFactor({ headers: who.browser.headers(), body: { password: PASSWORD } });
  if (enabled.method !== "totp") throw new Error("expected TOTP");
  const app = authenticator(secretFromUri(enabled.totpURI));
  const confirmed = await h.auth.api.verifyTOTP({
    headers: who.browser.headers(),
    body: { code: app.freshCode() },
    returnHeaders: true,
  });
  who.browser.take(confirmed.headers);
  return app;
}

async function methodsOf(headers: Headers) {
  const current = await h.auth.api.getSession({ headers, query: { disableCookieCache: true } });
  return (current?.session as { signInMethods?: string } | undefined)?.signInMethods;
}

async function requireTwoFactor(organizationId: string, since: Date, methods = "totp,otp", graceDays = 7) {
  await h.db
    .insert(organizationPolicy)
    .values({
      organizationId,
      requireTwoFactor: true,
      twoFactorMethods: methods,
      gracePeriodDays: graceDays,
      twoFactorRequiredSince: since,
    })
    .onConflictDoUpdate({
      target: organizationPolicy.organizationId,
      set: { twoFactorMethods: methods, gracePeriodDays: graceDays, twoFactorRequiredSince: since },
    });
}

async function setJoined(organizationId: string, userId: string, at: Date) {
  await h.db
    .update(member)
    .set({ createdAt: at })
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)));
}

describe("how a session signed in", () => {
  it("records the password, then the code of a challenge, a code verified while signed in and a trusted device", async () => {
    const ada = await person("Ada");
    expect(await methodsOf(ada.browser.headers())).toBe("password");

    const app = await enrolTotp(ada); // confirmed in this session: better-auth re-issues it, with the code proven
    expect(await methodsOf(ada.browser.headers())).toBe("password,totp");

    const fresh = cookieJar();
    const signIn = await h.auth.api.signInEmail({
      body: { email: ada.email, password: PASSWORD },
      returnHeaders: true,
    });
    fresh.take(signIn.headers);
    const verified = await h.auth.api.verifyTOTP({
      headers: fresh.headers(),
      body: { code: app.freshCode(), trustDevice: true },
      returnHeaders: true,
    });
    fresh.take(verified.headers);
    expect(await methodsOf(fresh.headers())).toBe("password,totp");

    // The trusted browser signs in without a code: the session says the device stood in for it.
    const trusted = await h.auth.api.signInEmail({
      body: { email: ada.email, password: PASSWORD },
      headers: fresh.headers(),
      returnHeaders: true,
    });
    expect("twoFactorRedirect" in trusted.response).toBe(false);
    fresh.take(trusted.headers);
    expect(await methodsOf(fresh.headers())).toBe("password,trusted_device");
  });

  it("turning on email codes proves nothing; turning two-factor off drops the second factor from the session", async () => {
    const bo = await person("Bo");
    const enabled = await h.auth.api.enableTwoFactor({
      headers: bo.browser.headers(),
      body: { password: PASSWORD, method: "otp" },
      returnHeaders: true,
    });
    bo.browser.take(enabled.headers);
    expect(await methodsOf(bo.browser.headers())).toBe("password");

    const cy = await person("Cy");
    await enrolTotp(cy);
    const disabled = await h.auth.api.disableTwoFactor({
      headers: cy.browser.headers(),
      body: { password: PASSWORD },
      returnHeaders: true,
    });
    cy.browser.take(disabled.headers);
    expect(await methodsOf(cy.browser.headers())).toBe("password");
  });
});

describe("an organization that requires two-factor", () => {
  it("refuses its endpoints after the grace period to a session without a second factor, leaving stays open", async () => {
    const owner = await person("Owner");
    await enrolTotp(owner);
    const org = await h.auth.api.createOrganization({
      headers: owner.browser.headers(),
      body: { name: "Strict", slug: `strict-${counter}` },
    });
    const dee = await person("Dee");
    await h.auth.api.addMember({ body: { organizationId: org.id, userId: dee.id, role: "member" } });
    const list = (headers: Headers) =>
      h.auth.api.listMembers({ headers, query: { organizationId: org.id } }).then(
        () => "ok",
        (error) => error,
      );

    await requireTwoFactor(org.id, new Date());
    expect(await list(dee.browser.headers())).toBe("ok"); // in the grace period

    await requireTwoFactor(org.id, new Date(Date.now() - 8 * DAY));
    expect(await list(dee.browser.headers())).toBe("ok"); // joined just now: the grace runs from joining
    await setJoined(org.id, dee.id, new Date(Date.now() - 8 * DAY));
    const refused = await expectRefused(list(dee.browser.headers()), {
      code: "ORGANIZATION_REQUIRES_TWO_FACTOR",
      status: 403,
    });
    expect(refused.message).toContain("Strict requires two-factor authentication");
    // Through the active organization too, and with the id in an odd shape the shape gate refuses first.
    await expectRefused(
      h.auth.api.updateOrganization({
        headers: dee.browser.headers(),
        body: { organizationId: [org.id] as unknown as string, data: { name: "X" } },
      }),
      { code: "INVALID_REQUEST_FIELD", status: 400 },
    );
    const denied = await h.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.organizationId, org.id), eq(auditEvent.action, "member.list.denied")));
    expect(denied.map((row) => row.actorUserId)).toEqual([dee.id]);

    // The owner signed in with a code: unaffected. An account with two-factor that signed in without it (a social
    // sign-in, say) is refused all the same.
    await setJoined(org.id, owner.id, new Date(Date.now() - 8 * DAY));
    expect(await list(owner.browser.headers())).toBe("ok");
    await h.db.update(sessionTable).set({ signInMethods: "social" }).where(eq(sessionTable.userId, owner.id));
    await expectRefused(list(owner.browser.headers()), "ORGANIZATION_REQUIRES_TWO_FACTOR");
    // Only the authenticator app allowed: an email code does not do.
    await h.db.update(sessionTable).set({ signInMethods: "password,otp" }).where(eq(sessionTable.userId, owner.id));
    expect(await list(owner.browser.headers())).toBe("ok");
    await requireTwoFactor(org.id, new Date(Date.now() - 8 * DAY), "totp");
    await expectRefused(list(owner.browser.headers()), "ORGANIZATION_REQUIRES_TWO_FACTOR");

    // Dee sets up an authenticator app in this session and is let back in; another member leaves without one.
    await enrolTotp(dee);
    expect(await list(dee.browser.headers())).toBe("ok");
    const eve = await person("Eve");
    await h.auth.api.addMember({ body: { organizationId: org.id, userId: eve.id, role: "member" } });
    await setJoined(org.id, eve.id, new Date(Date.now() - 8 * DAY));
    await expectRefused(list(eve.browser.headers()), "ORGANIZATION_REQUIRES_TWO_FACTOR");
    await h.auth.api.leaveOrganization({ headers: eve.browser.headers(), body: { organizationId: org.id } });
  });

  it("refuses turning two-factor off while a member, naming the organizations", async () => {
    const owner = await person("Fay");
    await enrolTotp(owner);
    const org = await h.auth.api.createOrganization({
      headers: owner.browser.headers(),
      body: { name: "Vault", slug: `vault-${counter}` },
    });
    await requireTwoFactor(org.id, new Date());
    const refused = await expectRefused(
      h.auth.api.disableTwoFactor({ headers: owner.browser.headers(), body: { password: PASSWORD } }),
      { code: "TWO_FACTOR_REQUIRED_BY_ORGANIZATION", status: 403 },
    );
    expect(refused.message).toBe("Vault requires two-factor authentication: it stays on while you are a member.");
    expect(refused.body?.organizations).toEqual(["Vault"]);
  });
});
