// better-auth keeps a trusted device as a bare `trust-device-<random>` verification row (value = user id), with nothing
// a person could recognise it by. When such a row is created, this plugin stores a companion row with the browser's
// user agent and address, so /account/security can say "Firefox on Linux" instead of a random id.
// better-auth also forgets only the current browser's trust when two-factor is turned off; this plugin forgets every
// trusted device of the user then, so turning two-factor back on later cannot revive an old trust.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { requestOrigin } from "@/lib/audit";
import {
  TRUST_DEVICE_LABEL_PREFIX,
  TRUST_DEVICE_PREFIX,
  type TrustedDeviceLabel,
} from "@/lib/auth/trusted-device-labels";

export {
  parseTrustedDeviceLabel,
  TRUST_DEVICE_COOKIE,
  TRUST_DEVICE_LABEL_PREFIX,
  TRUST_DEVICE_PREFIX,
  type TrustedDeviceLabel,
} from "@/lib/auth/trusted-device-labels";

/** Labels each new trusted device; forgets all of a user's trusted devices when two-factor is turned off. */
export function trustedDevices() {
  return {
    id: "trusted-devices",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/disable",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            const userId = ctx.context.session?.user.id;
            if (!userId || isAPIError(returned) || (returned instanceof Response && !returned.ok)) return;
            const devices = await ctx.context.adapter.findMany<{ identifier: string }>({
              model: "verification",
              where: [
                { field: "value", value: userId },
                { field: "identifier", operator: "starts_with", value: TRUST_DEVICE_PREFIX },
              ],
            });
            if (devices.length === 0) return;
            const identifiers = devices.map((d) => d.identifier);
            const labels = identifiers.map((identifier) => `${TRUST_DEVICE_LABEL_PREFIX}${identifier}`);
            await ctx.context.adapter.deleteMany({
              model: "verification",
              where: [{ field: "identifier", operator: "in", value: [...identifiers, ...labels] }],
            });
          }),
        },
      ],
    },
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
