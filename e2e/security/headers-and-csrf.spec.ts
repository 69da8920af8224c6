// Security headers, cross-site requests, open redirects and oversized bodies, against the built worker. Every case
// checks the safe outcome and that nothing changed: sessions still there, names unchanged, no account, no mail.
import type { Page } from "@playwright/test";
import { BASE_URL, DEMO_PASSWORD, SINK_URL, SUPPORT } from "../config";
import { expect, hydrated, otherIp, signIn, test, uniqueEmail } from "../fixtures";
import { createAccount } from "../org-helpers";
import { createSdkClient } from "../sdk-client";

const EVIL = "https://evil.test";

/** Collects CSP violations the page reports (the listener is installed before any page script runs). */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const store = window as unknown as { __csp: string[] };
    store.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      store.__csp.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=(), microphone=(), geolocation=()");
  // The test worker is served over http: no HSTS there.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** The number of mails the sink holds for an address. */
async function mailCount(to: string) {
  const res = await fetch(`${SINK_URL}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: unknown[] }).messages.length;
}

test.describe("headers", () => {
  test("an auth page has the CSP, nosniff, referrer and permissions policies, and runs under its CSP", async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    const response = await page.goto("/sign-in");
    const headers = response?.headers() ?? {};
    expectSecurityHeaders(headers);

    // Next put this response's nonce on its scripts, and the page works: it hydrates and the theme script ran.
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
    await hydrated(page);
    // Inline scripts need the nonce; scripts those load by src are trusted through 'strict-dynamic'.
    const inline = await page
      .locator("script:not([src])")
      .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((n) => n === nonce)).toBe(true);
    expect(await violations()).toEqual([]);

    // A fresh nonce per response.
    const again = await page.request.get("/sign-in");
    expect(again.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);

    // The build's static files are served with nosniff too.
    const src = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
    const asset = await page.request.get(src ?? "");
    expect(asset.ok()).toBe(true);
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a console page has the same headers, and the console works under its CSP", async ({ page }) => {
    const violations = await watchCsp(page);
    await signIn(page, "bob@acme.test", DEMO_PASSWORD);
    const response = await page.goto("/account/profile");
    expectSecurityHeaders(response?.headers() ?? {});
    await hydrated(page);
    // Client-side navigation and a Radix menu (scripts loaded by the nonce'd ones) still work.
    await page.getByRole("link", { name: "Sessions" }).first().click();
    await expect(page.getByRole("heading", { name: "Sessions", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Account menu for Bob Baker" }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test("no page can be framed by another site", async ({ page, request }) => {
    for (const path of ["/sign-in", "/sign-up", "/forgot-password", "/account/profile"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const csp = response.headers()["content-security-policy"] ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers()["x-frame-options"], path).toBe("DENY");
    }
    // Another site framing the console gets an error page instead of the form.
    await page.setContent(`<iframe title="framed console" src="${BASE_URL}/sign-up"></iframe>`);
    const frame = await (await page.locator("iframe").elementHandle())?.contentFrame();
    await frame?.waitForLoadState();
    expect(await frame?.getByLabel("Email").count()).toBe(0);
  });
});

test.describe("cross-site requests", () => {
  test("a server action replayed from another origin (or none) is refused; the sessions it would end stay", async ({
    page,
    clientIp,
  }) => {
    const user = await createAccount(clientIp, "Csrf Victim");
    await signIn(page, user.email, user.password);
    await page.goto("/account/sessions");
    await hydrated(page);

    // The console's own call to "sign out all other sessions", observed (not altered) to learn its action id.
    const [actionRequest] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
      (async () => {
        await page.getByRole("button", { name: "Sign out all other sessions" }).click();
        await page.getByRole("alertdialog").getByRole("button", { name: "Sign out others" }).click();
      })(),
    ]);
    await expect(page.getByText("You are not signed in anywhere else.")).toBeVisible();
    const actionId = actionRequest.headers()["next-action"] ?? "";
    const body = actionRequest.postData() ?? "";
    const contentType = actionRequest.headers()["content-type"] ?? "text/plain;charset=UTF-8";

    // A new session elsewhere, which the replayed action would end.
    const other = createSdkClient({ baseURL: BASE_URL, clientIp: otherIp(clientIp, 59) });
    expect((await other.client.signIn.email({ email: user.email, password: user.password })).error).toBeNull();
    const replay = (origin?: string) =>
      page.request.post("/account/sessions", {
        headers: {
          "next-action": actionId,
          "content-type": contentType,
          accept: "text/x-component",
          ...(origin ? { origin } : {}),
        },
        data: body,
        maxRedirects: 0,
      });

    for (const origin of [EVIL, "null", undefined]) {
      const refused = await replay(origin);
      expect(refused.status(), `origin ${origin}`).toBe(403);
    }
    expect((await other.client.getSession({ query: { disableCookieCache: true } })).data?.session).toBeTruthy();

    // The very same request from the console's own origin does end it: the refusal was the origin's doing.
    const accepted = await replay(BASE_URL);
    expect(accepted.status()).toBe(200);
    expect((await other.client.getSession({ query: { disableCookieCache: true } })).data).toBeNull();
  });

  test("our route handlers refuse writes from another origin or without one, and export nothing", async ({ page }) => {
    await signIn(page, SUPPORT.email, SUPPORT.password);
    const me = (await (await page.request.get("/api/auth/get-session")).json()) as { user: { id: string } };
    // The newest export this staff member made (an export writes an audit row); other tests never export as support.
    const newestExport = async (action: string) => {
      const query = `actorUserId=${me.user.id}&action=${action}&limit=1`;
      const response = await page.request.get(`/api/admin/audit-events?${query}`);
      expect(response.status()).toBe(200);
      return ((await response.json()) as { events: { id: string }[] }).events[0]?.id ?? null;
    };
    const before = [await newestExport("users.export"), await newestExport("audit.export")];
    for (const path of ["/api/admin/audit-events", "/api/admin/users/export", "/api/admin/audit/export"]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        for (const headers of [{ origin: EVIL }, {}] as Record<string, string>[]) {
          const response = await page.request.fetch(path, { method, headers, data: "{}" });
          expect(response.status(), `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
          expect(await response.json()).toMatchObject({ error: expect.stringMatching(/ORIGIN/) });
        }
      }
    }
    expect([await newestExport("users.export"), await newestExport("audit.export")]).toEqual(before);
  });

  test("better-auth refuses sign-out and update-user from another origin; the session and name stay", async ({
    clientIp,
  }) => {
    const user = await createAccount(clientIp, "Cross Origin");
    const cookie = [...user.cookies()].map(([k, v]) => `${k}=${v}`).join("; ");
    const post = (path: string, origin: string | null, body: unknown = {}) =>
      fetch(`${BASE_URL}/api/auth${path}`, {
        method: "POST",
        headers: {
          cookie,
          "content-type": "application/json",
          "cf-connecting-ip": clientIp,
          ...(origin === null ? {} : { origin }),
        },
        body: JSON.stringify(body),
      });

    for (const origin of [EVIL, "null", null]) {
      const signOut = await post("/sign-out", origin);
      expect(signOut.status, `sign-out from ${origin}`).toBe(403);
      expect(signOut.headers.getSetCookie()).toEqual([]);
      const update = await post("/update-user", origin, { name: "Pwned" });
      expect(update.status, `update-user from ${origin}`).toBe(403);
    }
    const session = await user.client.getSession({ query: { disableCookieCache: true } });
    expect(session.data?.user.name).toBe("Cross Origin");
  });
});

test.describe("open redirects", () => {
  for (const next of [`${EVIL}/steal`, "//evil.test/steal", "/\\evil.test/steal"]) {
    test(`sign-in with next=${next} lands on the console`, async ({ page }) => {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await hydrated(page);
      await expect(page.getByRole("link", { name: "Create one" })).toHaveAttribute("href", "/sign-up");
      await page.getByLabel("Email").fill("bob@acme.test");
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Welcome, Bob Baker" })).toBeVisible();
      expect(page.url()).toBe(`${BASE_URL}/`);

      // The other pages that carry `next` drop it too.
      await page.goto(`/verify-email/done?next=${encodeURIComponent(next)}`);
      await expect(page.getByRole("link", { name: "Continue to the console" })).toHaveAttribute("href", "/");
      await page.goto(`/sign-up?next=${encodeURIComponent(next)}`);
      await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
    });
  }

  test("a foreign callbackURL on sign-up, or redirectTo on password reset, is refused and mails nothing", async ({
    clientIp,
  }) => {
    const { client } = createSdkClient({ baseURL: BASE_URL, clientIp });
    const email = uniqueEmail("redirect");
    for (const callbackURL of [`${EVIL}/welcome`, "//evil.test/welcome"]) {
      const signUp = await client.signUp.email({
        name: "Red Irect",
        email,
        password: "a-strong-password-1",
        callbackURL,
      });
      expect(signUp.error?.status, callbackURL).toBe(403);
    }
    expect(await mailCount(email)).toBe(0);

    const owner = await createAccount(clientIp, "Reset Target");
    const mailsBefore = await mailCount(owner.email);
    for (const redirectTo of [`${EVIL}/reset`, "//evil.test/reset"]) {
      const reset = await client.requestPasswordReset({ email: owner.email, redirectTo });
      expect(reset.error?.status, redirectTo).toBe(403);
    }
    expect(await mailCount(owner.email)).toBe(mailsBefore);

    // No account was made: a proper sign-up now gets the welcome (verification) mail, not "you already have one".
    const proper = await client.signUp.email({ name: "Red Irect", email, password: "a-strong-password-1" });
    expect(proper.error).toBeNull();
    expect(await mailCount(email)).toBe(1);
  });
});

test.describe("oversized bodies", () => {
  test("70 KiB to sign-in, a route handler or a server action gets 413 before anything reads it", async ({
    request,
    clientIp,
  }) => {
    const padding = "x".repeat(70 * 1024);
    const signIn = await request.post("/api/auth/sign-in/email", {
      headers: { origin: BASE_URL, "content-type": "application/json", "cf-connecting-ip": clientIp },
      data: JSON.stringify({ email: "bob@acme.test", password: DEMO_PASSWORD, padding }),
    });
    expect(signIn.status()).toBe(413);
    expect(signIn.headers()["set-cookie"]).toBeUndefined();

    const handler = await request.post("/api/admin/audit-events", {
      headers: { origin: BASE_URL, "content-type": "application/json" },
      data: JSON.stringify({ padding }),
    });
    expect(handler.status()).toBe(413);

    const action = await request.post("/account/profile", {
      headers: { origin: BASE_URL, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([padding]),
      maxRedirects: 0,
    });
    expect(action.status()).toBe(413);

    // Just under the limit is read as usual (a wrong password, not a refusal of the body).
    const small = await request.post("/api/auth/sign-in/email", {
      headers: { origin: BASE_URL, "content-type": "application/json", "cf-connecting-ip": clientIp },
      data: JSON.stringify({ email: "nobody@e2e.test", password: "wrong-password", padding: "x".repeat(60 * 1024) }),
    });
    expect(small.status()).toBe(401);
  });
});
