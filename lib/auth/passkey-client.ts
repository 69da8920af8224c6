"use client";

// better-auth's client with the passkey plugin only, loaded when a passkey button is pressed or the sign-in page
// offers passkeys in the browser's autofill (`loadPasskeyClient`): @simplewebauthn/browser stays out of every page's
// first load and out of the console's main client.
import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/client";

export const passkeyAuthClient = createAuthClient({ plugins: [passkeyClient()] });

/** Ends a ceremony in progress (the sign-in page's autofill request) before another starts. */
export { WebAuthnAbortService } from "@simplewebauthn/browser";
