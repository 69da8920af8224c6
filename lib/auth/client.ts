"use client";

import { adminClient, organizationClient, twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { safeNext } from "@/lib/safe-redirect";

/** The typed better-auth client for the browser; same-origin, so no baseURL is needed. */
export const authClient = createAuthClient({
  plugins: [
    organizationClient({ teams: { enabled: true }, dynamicAccessControl: { enabled: true } }),
    adminClient(),
    twoFactorClient({
      onTwoFactorRedirect() {
        // /two-factor checks it again; only a same-origin path is ever carried along.
        const next = safeNext(new URLSearchParams(window.location.search).get("next"), "");
        window.location.href = next ? `/two-factor?next=${encodeURIComponent(next)}` : "/two-factor";
      },
    }),
  ],
});

export const { signIn, signUp, signOut, useSession } = authClient;
