// A real OpenID provider on loopback for the tests (`oidc-provider`, a certified implementation): one confidential
// client for the console, its development login and consent pages (any login and password; the login names the
// account), and ID tokens signed with keys it makes at start. The unit tests start it on a free port; the e2e server
// (scripts/e2e-server.ts) starts it on E2E_OIDC_PORT before the worker, which reads its discovery document at start.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "gatehouse-test", secret: "gatehouse-test-secret-0123456789abcdef" };

function title(part: string) {
  return part ? `${part[0]?.toUpperCase()}${part.slice(1)}` : part;
}

/**
 * What the provider says about the account a login names: `<email>` is a verified address, `<email>!unverified` one
 * the provider has not verified. The subject stays the same for the same login.
 */
export function claimsOf(login: string) {
  const unverified = login.endsWith("!unverified");
  const email = login.replace(/!unverified$/, "").toLowerCase();
  const local = email.split("@")[0] ?? email;
  const name = local
    .split(/[-._+]/)
    .filter((part) => /^[a-z]+$/.test(part))
    .map(title)
    .join(" ");
  return {
    sub: `idp-${login}`,
    email,
    email_verified: !unverified,
    name: `${name || "Idp"} Example`,
    picture: `https://avatars.idp.test/${encodeURIComponent(local)}.png`,
  };
}

export interface TestOidcProvider {
  issuer: string;
  discoveryUrl: string;
  close(): Promise<void>;
}

/** Starts the provider on 127.0.0.1:`port` (0: a free one), for a console whose callbacks are `redirectUris`. */
export async function startOidcProvider({
  port = 0,
  redirectUris,
}: {
  port?: number;
  redirectUris: string[];
}): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "picture"] },
    // The claims of the scopes asked for go into the ID token too (better-auth reads them from there).
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => claimsOf(id) }),
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
  });
  // Loopback http is what a test has; the provider warns about it and still serves.
  provider.proxy = false;
  server.on("request", provider.callback());
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
