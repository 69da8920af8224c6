// Accounts and organizations for the organization specs, made through better-auth's client SDK (fast, and the same
// HTTP API a browser uses), so each test owns its data and tests can run in parallel.
import { BASE_URL, SINK_URL } from "./config";
import { uniqueEmail } from "./fixtures";
import { extractLink, waitForMail } from "./mail";
import { createSdkClient } from "./sdk-client";

export const ORG_TEST_PASSWORD = "org-test-password-1";

export type Account = Awaited<ReturnType<typeof createAccount>>;

/** Signs up, verifies by the mailed link and signs in: a ready account with its own SDK client. */
export async function createAccount(clientIp: string, name: string) {
  const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
  const email = uniqueEmail(name.toLowerCase().replace(/[^a-z]+/g, "-"));
  const signUp = await sdk.client.signUp.email({ name, email, password: ORG_TEST_PASSWORD });
  if (signUp.error) throw new Error(`sign-up of ${email} failed: ${signUp.error.message}`);
  const mail = await waitForMail(SINK_URL, email, { subject: /verify your email/i });
  await fetch(extractLink(mail, "/api/auth/verify-email"), {
    redirect: "manual",
    // This test's own address: requests without one share a single rate-limit bucket across the whole suite.
    headers: { "cf-connecting-ip": clientIp },
  });
  const signIn = await sdk.client.signIn.email({ email, password: ORG_TEST_PASSWORD });
  if (signIn.error) throw new Error(`sign-in of ${email} failed: ${signIn.error.message}`);
  return { ...sdk, email, name, password: ORG_TEST_PASSWORD, userId: signIn.data?.user.id ?? "" };
}

/** A unique slug for a test organization. */
export function uniqueSlug(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** An organization owned by `owner`. */
export async function createOrganization(owner: Account, name: string, slug = uniqueSlug("org")) {
  const { data, error } = await owner.client.organization.create({ name, slug });
  if (error || !data) throw new Error(`could not create ${slug}: ${error?.message}`);
  return data;
}

/** Invites `who` by the SDK and accepts as them: a member with `role`. */
export async function addMember(owner: Account, organizationId: string, who: Account, role: "member" | "admin") {
  const invitation = await owner.client.organization.inviteMember({ organizationId, email: who.email, role });
  if (invitation.error || !invitation.data) throw new Error(`invite failed: ${invitation.error?.message}`);
  const accepted = await who.client.organization.acceptInvitation({ invitationId: invitation.data.id });
  if (accepted.error || !accepted.data) throw new Error(`accept failed: ${accepted.error?.message}`);
  return accepted.data.member;
}
