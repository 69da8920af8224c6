// Social sign-in, from the settings alone: Google and GitHub through better-auth's providers, any other OpenID
// Connect identity provider through its genericOAuth plugin (discovery URL). A provider is on only when its client
// id and secret are set; nothing here reads a request. The pages use `configuredProviders` for their buttons and the
// callback URLs /admin shows; create-auth.ts builds better-auth's options with the other two.
//
// No runtime imports: the sign-in and admin pages (server) and the unit tests read it too.

export interface SocialSettings {
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
  GITHUB_CLIENT_ID?: string;
  GITHUB_CLIENT_SECRET?: string;
  /** The identity provider's `/.well-known/openid-configuration` URL. */
  OIDC_DISCOVERY_URL?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  /** The button's words: "Continue with <name>" (default "single sign-on"). */
  OIDC_PROVIDER_NAME?: string;
  /** The id in the callback URL (default "oidc"): lower-case letters, digits and dashes. */
  OIDC_PROVIDER_ID?: string;
}

export type SocialKind = "google" | "github" | "oidc";

export interface SocialProvider {
  /** better-auth's provider id, the last segment of the callback URL. */
  id: string;
  kind: SocialKind;
  /** What the buttons say after "Continue with". */
  name: string;
  /** The scopes asked for: the ones that bring the address, the name and the avatar. */
  scopes: string[];
  /** The redirect URI to register with the identity provider, character for character. */
  callbackURL: string;
}

/** Google and OpenID providers: `openid email profile` (name and picture come with `profile`). */
export const OIDC_SCOPES = ["openid", "email", "profile"];
/** GitHub: the profile (name, avatar) and the addresses with their verification. */
export const GITHUB_SCOPES = ["read:user", "user:email"];

const set = (value: string | undefined) => (value ?? "").trim();

/** better-auth's callback for a provider: `{BETTER_AUTH_URL}/api/auth/callback/{id}`. */
export function callbackURLOf(baseURL: string, providerId: string) {
  return `${baseURL.replace(/\/+$/, "")}/api/auth/callback/${providerId}`;
}

/** The generic provider's id, checked: it becomes part of a URL and a database key. */
export function oidcProviderId(settings: SocialSettings) {
  const id = set(settings.OIDC_PROVIDER_ID) || "oidc";
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(id) || id === "google" || id === "github" || id === "credential") {
    throw new Error(`OIDC_PROVIDER_ID must be lower-case letters, digits and dashes, and not a built-in id: "${id}"`);
  }
  return id;
}

/** The providers whose settings are complete, in the order the buttons show them. */
export function configuredProviders(settings: SocialSettings, baseURL: string): SocialProvider[] {
  const providers: SocialProvider[] = [];
  const add = (id: string, kind: SocialKind, name: string, scopes: string[]) =>
    providers.push({ id, kind, name, scopes, callbackURL: callbackURLOf(baseURL, id) });
  if (set(settings.GOOGLE_CLIENT_ID) && set(settings.GOOGLE_CLIENT_SECRET))
    add("google", "google", "Google", OIDC_SCOPES);
  if (set(settings.GITHUB_CLIENT_ID) && set(settings.GITHUB_CLIENT_SECRET))
    add("github", "github", "GitHub", GITHUB_SCOPES);
  if (set(settings.OIDC_DISCOVERY_URL) && set(settings.OIDC_CLIENT_ID) && set(settings.OIDC_CLIENT_SECRET)) {
    add(oidcProviderId(settings), "oidc", set(settings.OIDC_PROVIDER_NAME) || "single sign-on", OIDC_SCOPES);
  }
  return providers;
}

/**
 * better-auth's `socialProviders` for Google and GitHub: only the configured ones, our scopes instead of its defaults
 * (so they are what /admin says), the redirect URI spelled out, and an unverified address never signing in.
 */
export function socialProviderOptions(settings: SocialSettings, baseURL: string) {
  const byKind = new Map(configuredProviders(settings, baseURL).map((p) => [p.kind, p]));
  const common = (provider: SocialProvider) => ({
    scope: provider.scopes,
    disableDefaultScope: true,
    redirectURI: provider.callbackURL,
    // A new account whose provider did not verify the address gets our verification mail first.
    requireEmailVerification: true,
  });
  const google = byKind.get("google");
  const github = byKind.get("github");
  return {
    ...(google
      ? {
          google: {
            clientId: set(settings.GOOGLE_CLIENT_ID),
            clientSecret: set(settings.GOOGLE_CLIENT_SECRET),
            ...common(google),
          },
        }
      : {}),
    ...(github
      ? {
          github: {
            clientId: set(settings.GITHUB_CLIENT_ID),
            clientSecret: set(settings.GITHUB_CLIENT_SECRET),
            ...common(github),
          },
        }
      : {}),
  };
}

/** genericOAuth's `config` for the OpenID provider (empty when it is not configured). */
export function genericOAuthConfig(settings: SocialSettings, baseURL: string) {
  const oidc = configuredProviders(settings, baseURL).find((p) => p.kind === "oidc");
  if (!oidc) return [];
  return [
    {
      providerId: oidc.id,
      name: oidc.name,
      discoveryUrl: set(settings.OIDC_DISCOVERY_URL),
      clientId: set(settings.OIDC_CLIENT_ID),
      clientSecret: set(settings.OIDC_CLIENT_SECRET),
      scopes: oidc.scopes,
      redirectURI: oidc.callbackURL,
      pkce: true,
      // The ID token's signature, issuer, audience and nonce are checked against the discovery document's keys.
      requireIdTokenVerification: true,
      requireEmailVerification: true,
    },
  ];
}

/** Whether BETTER_AUTH_URL is fit for identity providers in production: https, unless it is this machine. */
export function insecureBaseURL(baseURL: string) {
  const url = new URL(baseURL);
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  return url.protocol !== "https:" && !local;
}
