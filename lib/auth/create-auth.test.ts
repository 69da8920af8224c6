import { APIError } from "better-auth/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "@/test/auth-harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

/** The Cookie header a browser would send after these Set-Cookie headers. */
function cookieFrom(headers: Headers) {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

function verificationToken(to: string) {
  const message = h.sink.messages().find((m) => m.to.includes(to) && /verify/i.test(m.subject));
  const url = message?.text.match(/https?:\/\/\S+/)?.[0];
  return url ? new URL(url).searchParams.get("token") : null;
}

describe("email and password with required verification", () => {
  it("creates the account without a session, mails a link, and refuses sign-in until it is used", async () => {
    const email = "new-user@example.test";
    const signUp = await h.auth.api.signUpEmail({ body: { name: "New User", email, password: "correct-horse-1" } });
    expect(signUp.token).toBeNull();

    const token = verificationToken(email);
    expect(token, "verification mail with a token").toBeTruthy();

    const refused = await h.auth.api
      .signInEmail({ body: { email, password: "correct-horse-1" } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(APIError);
    expect((refused as APIError).body?.code).toBe("EMAIL_NOT_VERIFIED");

    await h.auth.api.verifyEmail({ query: { token: token as string } });
    const signedIn = await h.auth.api.signInEmail({ body: { email, password: "correct-horse-1" } });
    expect(signedIn.token).toBeTruthy();
    expect(signedIn.user.emailVerified).toBe(true);
  });

  it("keeps the account when the verification mail cannot be sent, and resending works afterwards", async () => {
    const email = "mail-fails@example.test";
    await fetch(`${h.sink.url}/api/fail`, { method: "POST", body: JSON.stringify({ to: email }) });
    const failed = await h.auth.api
      .signUpEmail({ body: { name: "Unlucky", email, password: "correct-horse-1" } })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(APIError);
    expect((failed as APIError).body?.code).toBe("VERIFICATION_EMAIL_NOT_SENT");

    await fetch(`${h.sink.url}/api/fail`, { method: "DELETE" });
    await h.auth.api.sendVerificationEmail({ body: { email } });
    expect(verificationToken(email)).toBeTruthy();
  });
});

describe("organizations and teams", () => {
  it("lets a verified user create an organization and a team in it", async () => {
    const { user } = await h.auth.api.createUser({
      body: { name: "Owner", email: "owner@example.test", password: "correct-horse-1", data: { emailVerified: true } },
    });
    const signIn = await h.auth.api.signInEmail({
      body: { email: "owner@example.test", password: "correct-horse-1" },
      returnHeaders: true,
    });
    const headers = new Headers({ cookie: cookieFrom(signIn.headers) });

    const org = await h.auth.api.createOrganization({ headers, body: { name: "Acme", slug: "acme" } });
    expect(org?.slug).toBe("acme");
    const members = await h.auth.api.listMembers({ headers, query: { organizationId: org?.id } });
    expect(members.members).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);

    const team = await h.auth.api.createTeam({ headers, body: { name: "Platform", organizationId: org?.id } });
    expect(team.name).toBe("Platform");
    const teams = await h.auth.api.listOrganizationTeams({ headers, query: { organizationId: org?.id } });
    expect(teams.map((t) => t.name)).toContain("Platform");
  });
});
