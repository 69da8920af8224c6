// The social providers from the settings alone: which are on, their callback URLs and scopes, and what better-auth
// is given for them.
import { describe, expect, it } from "vitest";
import {
  callbackURLOf,
  configuredProviders,
  GITHUB_SCOPES,
  genericOAuthConfig,
  insecureBaseURL,
  OIDC_SCOPES,
  socialProviderOptions,
} from "./social";

const BASE = "https://gatehouse.example.com";
const GOOGLE = { GOOGLE_CLIENT_ID: "g-id", GOOGLE_CLIENT_SECRET: "g-secret" };
const GITHUB = { GITHUB_CLIENT_ID: "gh-id", GITHUB_CLIENT_SECRET: "gh-secret" };
const OIDC = {
  OIDC_DISCOVERY_URL: "https://idp.example.com/.well-known/openid-configuration",
  OIDC_CLIENT_ID: "o-id",
  OIDC_CLIENT_SECRET: "o-secret",
};

describe("configured providers", () => {
  it("are none without settings, and a provider needs both its id and its secret", () => {
    expect(configuredProviders({}, BASE)).toEqual([]);
    expect(configuredProviders({ GOOGLE_CLIENT_ID: "g-id" }, BASE)).toEqual([]);
    expect(configuredProviders({ GITHUB_CLIENT_SECRET: "x", GITHUB_CLIENT_ID: "  " }, BASE)).toEqual([]);
    expect(configuredProviders({ OIDC_CLIENT_ID: "o", OIDC_CLIENT_SECRET: "s" }, BASE)).toEqual([]);
  });

  it("give each provider its callback URL from BETTER_AUTH_URL, character for character, and its scopes", () => {
    const providers = configuredProviders(
      { ...GOOGLE, ...GITHUB, ...OIDC, OIDC_PROVIDER_NAME: "Acme SSO" },
      `${BASE}/`,
    );
    expect(providers).toEqual([
      {
        id: "google",
        kind: "google",
        name: "Google",
        scopes: ["openid", "email", "profile"],
        callbackURL: "https://gatehouse.example.com/api/auth/callback/google",
      },
      {
        id: "github",
        kind: "github",
        name: "GitHub",
        scopes: ["read:user", "user:email"],
        callbackURL: "https://gatehouse.example.com/api/auth/callback/github",
      },
      {
        id: "oidc",
        kind: "oidc",
        name: "Acme SSO",
        scopes: ["openid", "email", "profile"],
        callbackURL: "https://gatehouse.example.com/api/auth/callback/oidc",
      },
    ]);
    expect(callbackURLOf("http://localhost:8787", "github")).toBe("http://localhost:8787/api/auth/callback/github");
  });

  it("take the OpenID provider's id from the settings, and refuse one that would clash or break the URL", () => {
    expect(configuredProviders({ ...OIDC, OIDC_PROVIDER_ID: "okta" }, BASE)[0]?.callbackURL).toBe(
      `${BASE}/api/auth/callback/okta`,
    );
    for (const id of ["google", "Okta", "a/b", "credential", "x".repeat(40)]) {
      expect(() => configuredProviders({ ...OIDC, OIDC_PROVIDER_ID: id }, BASE), id).toThrow(/OIDC_PROVIDER_ID/);
    }
  });
});

describe("what better-auth is given", () => {
  it("Google and GitHub only when configured, with exactly our scopes and redirect URIs, unverified addresses held", () => {
    expect(socialProviderOptions({}, BASE)).toEqual({});
    const options = socialProviderOptions({ ...GOOGLE, ...GITHUB }, BASE);
    expect(options.google).toEqual({
      clientId: "g-id",
      clientSecret: "g-secret",
      scope: OIDC_SCOPES,
      disableDefaultScope: true,
      redirectURI: `${BASE}/api/auth/callback/google`,
      requireEmailVerification: true,
    });
    expect(options.github).toMatchObject({ scope: GITHUB_SCOPES, redirectURI: `${BASE}/api/auth/callback/github` });
    expect(Object.keys(socialProviderOptions(GITHUB, BASE))).toEqual(["github"]);
  });

  it("the OpenID provider through discovery, with PKCE and a verified ID token", () => {
    expect(genericOAuthConfig({}, BASE)).toEqual([]);
    expect(genericOAuthConfig(OIDC, BASE)).toEqual([
      expect.objectContaining({
        providerId: "oidc",
        discoveryUrl: OIDC.OIDC_DISCOVERY_URL,
        clientId: "o-id",
        clientSecret: "o-secret",
        scopes: OIDC_SCOPES,
        redirectURI: `${BASE}/api/auth/callback/oidc`,
        pkce: true,
        requireIdTokenVerification: true,
      }),
    ]);
  });

  it("warns about a BETTER_AUTH_URL that providers refuse: plain http away from this machine", () => {
    expect(insecureBaseURL("http://gatehouse.example.com")).toBe(true);
    expect(insecureBaseURL("https://gatehouse.example.com")).toBe(false);
    expect(insecureBaseURL("http://localhost:8787")).toBe(false);
    expect(insecureBaseURL("http://127.0.0.1:8787")).toBe(false);
  });
});
