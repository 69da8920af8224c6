/**
 * better-auth's browser client, loaded on first use. Console screens that need it only when a button is pressed (sign
 * out, switch organization, a member action) leave its ~16 KiB gzip out of their first load; call `preloadAuthClient`
 * when a press is likely (a menu opens, a form gets focus) so the press itself does not wait.
 */
export function loadAuthClient() {
  return import("./client").then((module) => module.authClient);
}

/** Starts loading the client without waiting for it. */
export function preloadAuthClient(): void {
  void loadAuthClient();
}

/** better-auth's client with the passkey plugin (lib/auth/passkey-client.ts), loaded on first use. */
export function loadPasskeyClient() {
  return import("./passkey-client").then((module) => module.passkeyAuthClient);
}

/** The passkey client module itself (the client and the ceremony abort service). */
export function loadPasskeyModule() {
  return import("./passkey-client");
}
