// How trusted devices are stored: better-auth's bare `trust-device-<random>` verification rows, and the companion
// label rows lib/auth/plugins/trusted-devices.ts adds (the browser's user agent and address). Outside the plugins so
// the console's queries and actions read them the same way.

/** better-auth's identifier prefix for trusted-device verification rows (value = user id). */
export const TRUST_DEVICE_PREFIX = "trust-device-";
/** Our companion rows: this prefix + the trusted device's identifier; value = JSON TrustedDeviceLabel. */
export const TRUST_DEVICE_LABEL_PREFIX = "trusted-device-label:";
/** better-auth's cookie naming the trusted device of this browser (plugins/two-factor/constant). */
export const TRUST_DEVICE_COOKIE = "trust_device";

export interface TrustedDeviceLabel {
  userAgent: string | null;
  ip: string | null;
}

/** Parses a companion row's value; unknown shapes give an empty label rather than an error. */
export function parseTrustedDeviceLabel(value: string | null | undefined): TrustedDeviceLabel {
  try {
    const parsed = JSON.parse(value ?? "") as Partial<TrustedDeviceLabel>;
    return {
      userAgent: typeof parsed.userAgent === "string" ? parsed.userAgent : null,
      ip: typeof parsed.ip === "string" ? parsed.ip : null,
    };
  } catch {
    return { userAgent: null, ip: null };
  }
}
