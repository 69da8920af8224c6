// better-auth's own client SDK, used from outside the console the way a third-party script would: a cookie jar,
// the Origin header better-auth requires on cookie-carrying POSTs, and its own client address.
import { createAuthClient } from "better-auth/client";
import { adminClient, organizationClient, twoFactorClient } from "better-auth/client/plugins";
import { cookieJar } from "../test/cookies";

export interface SdkClientOptions {
  baseURL: string;
  clientIp: string;
}

/** A better-auth client with its own cookie jar, as one browser-less user agent. */
export function createSdkClient({ baseURL, clientIp }: SdkClientOptions) {
  const jar = cookieJar();

  const customFetchImpl: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("origin", baseURL);
    headers.set("cf-connecting-ip", clientIp);
    const cookie = jar.header();
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(input, { ...init, headers, redirect: "manual" });
    jar.take(response.headers);
    return response;
  };

  const client = createAuthClient({
    baseURL,
    plugins: [organizationClient({ teams: { enabled: true } }), adminClient(), twoFactorClient()],
    fetchOptions: { customFetchImpl },
  });
  return {
    client,
    /** The cookies this client holds now (to replay them later). */
    cookies: jar.entries,
    /** Replaces the jar, e.g. with cookies saved before signing out. */
    restore: jar.replace,
  };
}
