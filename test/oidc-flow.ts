// The browser's part of an OpenID sign-in for the unit tests: better-auth's handler with a cookie jar on one side,
// the test provider (test/oidc-provider.ts) with its own cookies on the other, following the redirects between them
// and filling the provider's development login and consent forms.
import type { Harness } from "./auth-harness";
import { cookieJar } from "./cookies";

export type OidcBrowser = ReturnType<typeof oidcBrowser>;

/** A browser for `h`'s console and the provider, from one client address. */
export function oidcBrowser(h: Harness, ip: string) {
  const console_ = cookieJar();
  const provider = cookieJar();

  async function consoleCall(method: "GET" | "POST", path: string, body?: unknown) {
    const headers = console_.headers({ origin: h.baseURL, "cf-connecting-ip": ip });
    if (body !== undefined) headers.set("content-type", "application/json");
    const url = path.startsWith("http") ? path : `${h.baseURL}/api/auth${path}`;
    const response = await h.auth.handler(
      new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    console_.take(response.headers);
    return response;
  }

  async function providerCall(url: string, form?: Record<string, string>) {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: provider.header(),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    provider.take(response.headers);
    return response;
  }

  /** Follows the provider's redirects and forms until it sends the browser back to the console. */
  async function throughProvider(start: string, login: string): Promise<string> {
    let url = start;
    for (let hop = 0; hop < 12; hop += 1) {
      if (url.startsWith(h.baseURL)) return url;
      let response = await providerCall(url);
      if (response.status === 200) {
        const html = await response.text();
        const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
        if (!action) throw new Error(`no form at ${url}`);
        const target = new URL(action, url).toString();
        response = html.includes('name="login"')
          ? await providerCall(target, { prompt: "login", login, password: "anything" })
          : await providerCall(target, { prompt: "consent" });
      }
      const next = response.headers.get("location");
      if (!next) throw new Error(`the provider answered ${response.status} at ${url}`);
      url = new URL(next, url).toString();
    }
    throw new Error("too many redirects at the provider");
  }

  return {
    jar: console_,
    call: consoleCall,
    /**
     * Starts a sign-in (or, with `link`, a link from the signed-in account) with the provider as `login`, and returns
     * the console's answer to the callback: its status and where it sends the browser.
     */
    async signIn(login: string, options: { link?: boolean; callbackURL?: string; tamper?: (url: URL) => void } = {}) {
      const callbackURL = options.callbackURL ?? "/";
      const started = options.link
        ? await consoleCall("POST", "/link-social", { provider: "oidc", callbackURL })
        : await consoleCall("POST", "/sign-in/social", { provider: "oidc", callbackURL, disableRedirect: true });
      const { url } = (await started.json()) as { url: string };
      if (!url) throw new Error(`no authorization URL: ${started.status}`);
      const authorize = new URL(url);
      options.tamper?.(authorize);
      const back = await throughProvider(authorize.toString(), login);
      const callback = await consoleCall("GET", back);
      return { status: callback.status, location: callback.headers.get("location") ?? "" };
    },
    async session() {
      const response = await consoleCall("GET", "/get-session?disableCookieCache=true");
      return (await response.json()) as { user: { id: string; name: string; image?: string | null } } | null;
    },
  };
}
