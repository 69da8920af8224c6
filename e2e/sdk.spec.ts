import { BASE_URL, SINK_URL } from "./config";
import { expect, test, uniqueEmail } from "./fixtures";
import { extractLink, waitForMail } from "./mail";
import { createSdkClient } from "./sdk-client";

// The console's HTTP API as better-auth's own client SDK sees it, with no browser and none of our screens.
test("better-auth's client SDK: sign up, verify, sign in, reset by mail, sign out", async ({ clientIp }) => {
  const { client, cookies, restore } = createSdkClient({ baseURL: BASE_URL, clientIp });
  const email = uniqueEmail("sdk");

  const signUp = await client.signUp.email({ name: "Sam Sdk", email, password: "first-password-1" });
  expect(signUp.error).toBeNull();
  expect(signUp.data?.token).toBeNull(); // no session before the address is verified

  const verification = await waitForMail(SINK_URL, email, { subject: /verify your email/i });
  const refused = await client.signIn.email({ email, password: "first-password-1" });
  expect(refused.error?.code).toBe("EMAIL_NOT_VERIFIED");

  const verify = await fetch(extractLink(verification, "/api/auth/verify-email"), { redirect: "manual" });
  expect(verify.status).toBeLessThan(400);

  const signedIn = await client.signIn.email({ email, password: "first-password-1" });
  expect(signedIn.error).toBeNull();
  const session = await client.getSession();
  expect(session.data?.user.email).toBe(email);
  expect(session.data?.user.emailVerified).toBe(true);

  const before = new Date();
  const reset = await client.requestPasswordReset({ email, redirectTo: "/reset-password" });
  expect(reset.error).toBeNull();
  const resetMail = await waitForMail(SINK_URL, email, { subject: /reset/i, after: before });
  const link = await fetch(extractLink(resetMail, "/api/auth/reset-password"), { redirect: "manual" });
  const token = new URL(link.headers.get("location") ?? "", BASE_URL).searchParams.get("token");
  expect(token).toBeTruthy();
  const changed = await client.resetPassword({ newPassword: "second-password-2", token: token as string });
  expect(changed.error).toBeNull();

  // The reset revoked every session: the old cookie no longer works, the new password does.
  expect((await client.getSession()).data).toBeNull();
  expect((await client.signIn.email({ email, password: "first-password-1" })).error?.status).toBe(401);
  expect((await client.signIn.email({ email, password: "second-password-2" })).error).toBeNull();

  const saved = cookies();
  expect((await client.signOut()).error).toBeNull();
  expect((await client.getSession()).data).toBeNull();
  restore(saved); // replaying the cookie from before sign-out gives no session
  expect((await client.getSession()).data).toBeNull();
});
