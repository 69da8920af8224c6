// Chromium's virtual WebAuthn authenticator through the DevTools protocol: a platform authenticator ("internal") with
// discoverable credentials that verifies the user (as Touch ID or Windows Hello would), for the passkey specs. The
// relying party is the real worker; nothing of ours is replaced.
import type { CDPSession, Page } from "@playwright/test";

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  /** The credentials it holds (with their private keys, to carry one to another browser). */
  credentials(): Promise<Array<{ credentialId: string; rpId?: string; userHandle?: string; signCount: number }>>;
}

/** Adds a virtual platform authenticator to the page's browser tab. */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    async credentials() {
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      return credentials;
    },
  };
}

/** Copies every credential of `from` into a new virtual authenticator of `page` (the same passkey, synced). */
export async function carryPasskeys(from: VirtualAuthenticator, page: Page): Promise<VirtualAuthenticator> {
  const to = await addVirtualAuthenticator(page);
  const { credentials } = await from.cdp.send("WebAuthn.getCredentials", { authenticatorId: from.authenticatorId });
  for (const credential of credentials) {
    await to.cdp.send("WebAuthn.addCredential", { authenticatorId: to.authenticatorId, credential });
  }
  return to;
}
