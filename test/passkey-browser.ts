// A browser for the passkey unit tests: better-auth's HTTP handler with a cookie jar, the Origin header and a
// client address, and the two WebAuthn ceremonies the passkey client runs (options, authenticator, verification).
import type { Harness } from "./auth-harness";
import { cookieJar } from "./cookies";
import type { Credential, SoftAuthenticator } from "./webauthn";

export type PasskeyBrowser = ReturnType<typeof passkeyBrowser>;

let clients = 0;

/** A browser on `h`'s auth handler, from its own client address (rate limits are per address). */
export function passkeyBrowser(h: Harness) {
  clients += 1;
  const ip = `203.0.${Math.floor(clients / 250)}.${clients % 250}`;
  const jar = cookieJar();

  async function call(method: "GET" | "POST", path: string, body?: unknown) {
    const headers = jar.headers({ origin: h.baseURL, "cf-connecting-ip": ip });
    if (body !== undefined) headers.set("content-type", "application/json");
    const response = await h.auth.handler(
      new Request(`${h.baseURL}/api/auth${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    jar.take(response.headers);
    return response;
  }

  async function json(response: Response) {
    return (await response.json()) as Record<string, unknown> & { code?: string };
  }

  return {
    jar,
    call,
    json,
    async signInWithPassword(email: string, password: string) {
      return call("POST", "/sign-in/email", { email, password });
    },
    /** Adds a passkey with `authenticator` (the browser must hold a fresh session). */
    async register(authenticator: SoftAuthenticator, name?: string) {
      const options = await call("GET", `/passkey/generate-register-options${name ? `?name=${name}` : ""}`);
      if (!options.ok) return options;
      const created = authenticator.register((await options.json()) as Parameters<SoftAuthenticator["register"]>[0]);
      return call("POST", "/passkey/verify-registration", { response: created, ...(name ? { name } : {}) });
    },
    /** The sign-in options, and the answer of `authenticator` with `credential` to them. */
    async authenticate(authenticator: SoftAuthenticator, credential?: Credential) {
      const options = await call("GET", "/passkey/generate-authenticate-options");
      const offered = (await options.json()) as { challenge: string; rpId?: string; allowCredentials?: unknown[] };
      const answer = authenticator.authenticate(offered, credential);
      return { offered, response: await call("POST", "/passkey/verify-authentication", { response: answer }) };
    },
    async session() {
      const response = await call("GET", "/get-session?disableCookieCache=true");
      return (await response.json()) as { user: { id: string }; session: { id: string; token: string } } | null;
    },
  };
}
