import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

function verificationToken(to: string) {
  const message = h.sink.messages().find((m) => m.to.includes(to) && /verify/i.test(m.subject));
  const url = message?.text.match(/https?:\/\/\S+/)?.[0];
  return url ? new URL(url).searchParams.get("token") : null;
}

describe("email and password with required verification", () => {
  it("creates the account without a session, mails a link, and refuses sign-in until it is used", async () => {
    const email = "new-user@example.test";
    const signUp = await h.auth.api.signUpEmail({ body: { name: "New User", email, password: PASSWORD } });
    expect(signUp.token).toBeNull();

    const token = verificationToken(email);
    expect(token, "verification mail with a token").toBeTruthy();

    await expectRefused(h.auth.api.signInEmail({ body: { email, password: PASSWORD } }), {
      code: "EMAIL_NOT_VERIFIED",
      status: 403,
    });

    await h.auth.api.verifyEmail({ query: { token: token as string } });
    const signedIn = await h.auth.api.signInEmail({ body: { email, password: PASSWORD } });
    expect(signedIn.token).toBeTruthy();
    expect(signedIn.user.emailVerified).toBe(true);
  });

  it("keeps the account when the verification mail cannot be sent, and resending works afterwards", async () => {
    const email = "mail-fails@example.test";
    await fetch(`${h.sink.url}/api/fail`, { method: "POST", body: JSON.stringify({ to: email }) });
    await expectRefused(
      h.auth.api.signUpEmail({ body: { name: "Unlucky", email, password: PASSWORD } }),
      "VERIFICATION_EMAIL_NOT_SENT",
    );

    await fetch(`${h.sink.url}/api/fail`, { method: "DELETE" });
    await h.auth.api.sendVerificationEmail({ body: { email } });
    expect(verificationToken(email)).toBeTruthy();
  });
});

describe("organizations and teams", () => {
  it("lets a verified user create an organization and a team in it", async () => {
    const { user } = await h.auth.api.createUser({
      body: { name: "Owner", email: "owner@example.test", password: PASSWORD, data: { emailVerified: true } },
    });
    const { headers } = await h.signIn("owner@example.test");

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
