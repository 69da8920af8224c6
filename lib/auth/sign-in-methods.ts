// How a session signed in: the one place that knows which endpoint proves which factor, and which methods count as
// two factors. better-auth asks for a second factor only after password, username and phone sign-ins, so whether an
// account *has* two-factor says nothing about a session made by a social sign-in, a passkey or an email link: the
// session's `signInMethods` (a comma list, set by plugins/sign-in-methods.ts when better-auth creates the session)
// records what this session proved. No runtime imports: pages, plugins and tests read it.
//
// Passkeys: every passkey sign-in requires user verification (plugins/passkeys.ts), so
// "/passkey/verify-authentication" proves "passkey_uv", which is two factors by itself (BOTH_FACTORS) and the proof of
// the policy's `passkey` method.

/** What a session can have proven. */
export type SignInMethod =
  | "password"
  | "totp"
  | "otp"
  | "backup_code"
  | "trusted_device"
  | "social"
  | "email_link"
  | "impersonation"
  | "passkey"
  | "passkey_uv";

/** The second-factor methods an organization can require (its policy's allowed methods). */
export const TWO_FACTOR_METHODS = ["totp", "otp", "passkey"] as const;
export type TwoFactorMethod = (typeof TWO_FACTOR_METHODS)[number];

/** Words for the policy's methods. */
export const TWO_FACTOR_METHOD_LABELS: Record<TwoFactorMethod, string> = {
  totp: "Authenticator app",
  otp: "Email codes",
  passkey: "Passkeys",
};

/** The methods the policy page offers. */
export const AVAILABLE_TWO_FACTOR_METHODS: readonly TwoFactorMethod[] = ["totp", "otp", "passkey"];

/**
 * What each endpoint that creates a session proves, on top of what the request's own session (same user) had
 * already proven: a sign-in with a code proves the password and the code; a code verified while signed in (setting up
 * an authenticator app) adds the code to the session that verified it.
 */
const SIGN_IN_PROOFS: Record<string, readonly SignInMethod[]> = {
  "/sign-in/email": ["password"],
  "/sign-in/username": ["password"],
  "/sign-in/phone-number": ["password"],
  "/two-factor/verify-totp": ["password", "totp"],
  "/two-factor/verify-otp": ["password", "otp"],
  "/two-factor/verify-backup-code": ["password", "backup_code"],
  "/callback/:id": ["social"],
  "/sign-in/social": ["social"],
  "/verify-email": ["email_link"],
  "/admin/impersonate-user": ["impersonation"],
  // User verification is required (plugins/passkeys.ts); as the second factor after a password, or as step-up, it
  // proves both factors on its own.
  "/passkey/verify-authentication": ["passkey_uv"],
};

/** The second factors each endpoint proves when the request already has a session (in-session verification). */
const IN_SESSION_PROOFS: Record<string, readonly SignInMethod[]> = {
  "/two-factor/verify-totp": ["totp"],
  "/two-factor/verify-otp": ["otp"],
  "/two-factor/verify-backup-code": ["backup_code"],
  // "Confirm it's you" with a passkey of the signed-in account (a passkey of another account is refused).
  "/passkey/verify-authentication": ["passkey_uv"],
};

/** Endpoints after which the session no longer holds a second factor (the account has none left). */
const DROPS_SECOND_FACTORS = new Set(["/two-factor/disable"]);

/** The methods, per policy method, that prove it in a session. */
const METHOD_PROOFS: Record<TwoFactorMethod, readonly SignInMethod[]> = {
  totp: ["totp", "backup_code"],
  otp: ["otp"],
  passkey: ["passkey_uv"],
};

/** Methods that are two factors on their own (a passkey with user verification: something you have and are). */
const BOTH_FACTORS: readonly SignInMethod[] = ["passkey_uv"];

const SECOND_FACTORS: readonly SignInMethod[] = ["totp", "otp", "backup_code", "trusted_device", "passkey_uv"];

/** A session's methods, from its column. */
export function parseSignInMethods(value: string | null | undefined): SignInMethod[] {
  return (value ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean) as SignInMethod[];
}

export function formatSignInMethods(methods: readonly SignInMethod[]): string {
  return [...new Set(methods)].join(",");
}

/**
 * The methods of a session better-auth is creating on `path`, given what the request's session (of the same user)
 * had proven: inherited, plus what this endpoint proves; an endpoint that removes the second factor drops those.
 * An unknown endpoint proves nothing of its own.
 */
export function methodsForNewSession(path: string | undefined, inherited: readonly SignInMethod[]): SignInMethod[] {
  const key = path ?? "";
  if (DROPS_SECOND_FACTORS.has(key)) return inherited.filter((m) => !SECOND_FACTORS.includes(m));
  const proven = inherited.length > 0 ? (IN_SESSION_PROOFS[key] ?? []) : (SIGN_IN_PROOFS[key] ?? []);
  return [...new Set([...inherited, ...proven])];
}

/** The second factor proven by verifying a code in an existing session (null: the endpoint proves none). */
export function inSessionProof(path: string | undefined): readonly SignInMethod[] {
  return IN_SESSION_PROOFS[path ?? ""] ?? [];
}

/** An endpoint that signs in anew: its session starts from what it proves, not from a session the browser had. */
export function isNewSignIn(path: string | undefined) {
  const key = path ?? "";
  return Object.hasOwn(SIGN_IN_PROOFS, key) && !Object.hasOwn(IN_SESSION_PROOFS, key);
}

/** A sign-in that better-auth's two-factor plugin lets through without a code only because the device is trusted. */
export function isPasswordSignIn(path: string | undefined) {
  return SIGN_IN_PROOFS[path ?? ""]?.length === 1 && SIGN_IN_PROOFS[path ?? ""]?.[0] === "password";
}

export interface AccountFactors {
  /** better-auth's `twoFactorEnabled`: email codes are available, and an authenticator app if one is confirmed. */
  twoFactorEnabled: boolean;
  /** A confirmed authenticator app; undefined when not looked up (only needed for a trusted device). */
  totp?: boolean;
  /** At least one passkey; undefined when not looked up (sessions prove a passkey by `passkey_uv` instead). */
  passkey?: boolean;
}

/**
 * Whether a session signed in with two factors of a kind the organization allows. A trusted device stands for the
 * factor it was trusted with, which is not recorded: it counts when the account has an allowed factor set up
 * (`account.totp` must be known when only the authenticator app is allowed).
 */
export function sessionHasTwoFactors(
  methods: readonly SignInMethod[],
  allowed: readonly TwoFactorMethod[],
  account: AccountFactors,
): boolean {
  if (methods.includes("impersonation")) return account.twoFactorEnabled;
  if (methods.some((m) => BOTH_FACTORS.includes(m))) {
    if (allowed.some((a) => METHOD_PROOFS[a].some((p) => BOTH_FACTORS.includes(p) && methods.includes(p)))) return true;
  }
  if (!account.twoFactorEnabled) return false;
  if (allowed.some((a) => METHOD_PROOFS[a].some((p) => methods.includes(p)))) return true;
  if (!methods.includes("trusted_device")) return false;
  return (allowed.includes("otp") && account.twoFactorEnabled) || (allowed.includes("totp") && account.totp === true);
}

/** Whether deciding on a trusted device needs the authenticator app's state (the guard looks it up only then). */
export function needsTotpState(methods: readonly SignInMethod[], allowed: readonly TwoFactorMethod[]) {
  return (
    methods.includes("trusted_device") &&
    !allowed.includes("otp") &&
    allowed.includes("totp") &&
    !METHOD_PROOFS.totp.some((p) => methods.includes(p))
  );
}
