// Shared pieces of the abuse suite: staff clients over better-auth's SDK, and the server's view of a session.
import { BASE_URL, OPERATOR, SUPPORT } from "../config";
import { expect } from "../fixtures";
import { createSdkClient } from "../sdk-client";

export type Sdk = ReturnType<typeof createSdkClient>;
export type Client = Sdk["client"];

/** A signed-in SDK client for one of the seeded staff accounts. */
export async function staff(who: "operator" | "support", clientIp: string): Promise<Sdk> {
  const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
  const { error } = await sdk.client.signIn.email(who === "operator" ? OPERATOR : SUPPORT);
  expect(error).toBeNull();
  return sdk;
}

/** The session as the server sees it now: never an answer from the session cookie cache. */
export async function live(client: Client) {
  const { data } = await client.getSession({ query: { disableCookieCache: true } });
  return data;
}

/** A user created by the operator, verified, with a password; returns its id and a way to sign in. */
export async function createUser(
  operator: Sdk,
  email: string,
  options: { role?: "user" | "admin" | "support"; name?: string } = {},
) {
  const password = "abuse-suite-password-1";
  const created = await operator.client.admin.createUser({
    email,
    password,
    name: options.name ?? "Abuse Target",
    role: (options.role ?? "user") as "user",
    data: { emailVerified: true },
  });
  expect(created.error).toBeNull();
  return { id: created.data?.user.id ?? "", email, password };
}

/** A signed-in SDK client for `who`. */
export async function signedIn(who: { email: string; password: string }, clientIp: string): Promise<Sdk> {
  const sdk = createSdkClient({ baseURL: BASE_URL, clientIp });
  const { error } = await sdk.client.signIn.email({ email: who.email, password: who.password });
  expect(error).toBeNull();
  return sdk;
}

/** The user row as operators see it (role, ban), fetched by the operator. */
export async function userAsSeenBy(operator: Sdk, userId: string) {
  const { data } = await operator.client.admin.getUser({ query: { id: userId } });
  return data;
}
