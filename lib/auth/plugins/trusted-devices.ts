// better-auth keeps a trusted device as a bare `trust-device-<random>` verification row (value = user id), with nothing
// a person could recognise it by. When such a row is created, this plugin stores a companion row with the browser's
// user agent and address, so /account/security can say "Firefox on Linux" instead of a random id.
import type { BetterAuthPlugin } from "better-auth";
import { requestOrigin } from "@/lib/audit";

export const TRUST_DEVICE_PREFIX = "trust-device-";
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

/** Labels each new trusted device with the user agent and address of the request that created it. */
export function trustedDevices() {
  return {
    id: "trusted-devices",
    init: () => ({
      options: {
        databaseHooks: {
          verification: {
            create: {
              after: async (row, ctx) => {
                if (!row.identifier.startsWith(TRUST_DEVICE_PREFIX) || !ctx) return;
                const label: TrustedDeviceLabel = requestOrigin(ctx.headers ?? ctx.request?.headers);
                await ctx.context.internalAdapter.createVerificationValue({
                  identifier: `${TRUST_DEVICE_LABEL_PREFIX}${row.identifier}`,
                  value: JSON.stringify(label),
                  expiresAt: row.expiresAt,
                });
              },
            },
          },
        },
      },
    }),
  } satisfies BetterAuthPlugin;
}
