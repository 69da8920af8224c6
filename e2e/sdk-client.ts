// better-auth's own client SDK, used from outside the console the way a third-party script would: a cookie jar,
// the Origin header better-auth requires on cookie-carrying POSTs, and its own client address.
import { createAuthClient } from "better-auth/client";
import { adminClient, organizationClient, twoFactorClient } from "better-auth/client/plugins";

export interface SdkClientOptions {
  baseURL: string;
  clientIp: string;
}

/** A better-auth client with its own cookie jar, as one browser-less user agent. */
export function createSdkClient({ baseURL, clientIp }: SdkClientOptions) {
  const jar = new Map<string, string>();

  const customFetchImpl: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("origin", baseURL);
    headers.set("cf-connecting-ip", clientIp);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(input, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 1) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
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
    cookies: () => new Map(jar),
    /** Replaces the jar, e.g. with cookies saved before signing out. */
    restore: (cookies: Map<string, string>) => {
      jar.clear();
      for (const [k, v] of cookies) jar.set(k, v);
    },
  };
}
