"use client";

import { adminClient, organizationClient, twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** The typed better-auth client for the browser; same-origin, so no baseURL is needed. */
export const authClient = createAuthClient({
  plugins: [
    organizationClient({ teams: { enabled: true }, dynamicAccessControl: { enabled: true } }),
    adminClient(),
    twoFactorClient({
      onTwoFactorRedirect() {
        const next = new URLSearchParams(window.location.search).get("next");
        window.location.href = next ? `/two-factor?next=${encodeURIComponent(next)}` : "/two-factor";
      },
    }),
  ],
});

export const { signIn, signUp, signOut, useSession } = authClient;
