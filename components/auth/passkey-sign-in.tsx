"use client";

import { KeyRound } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadPasskeyClient, loadPasskeyModule } from "@/lib/auth/load-client";

type Report = (message: string | null) => void;

/** Goes on to `next` after a passkey sign-in, or reports its refusal (a closed autofill prompt quietly). */
async function finish(result: Parameters<typeof fromAuth>[0], next: string, report: Report, quietCancel: boolean) {
  const outcome = await fromAuth(result);
  if (outcome.ok) {
    window.location.assign(next);
    return true;
  }
  if (!(quietCancel && outcome.code && QUIET_CODES.has(outcome.code))) report(outcome.error);
  return false;
}

/** A ceremony the person closed, or one the next ceremony replaced: nothing to tell them. */
const QUIET_CODES = new Set(["AUTH_CANCELLED", "ERROR_CEREMONY_ABORTED", "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY"]);

interface PasskeySignInProps {
  /** Where to go once signed in (a full load, like the password form). */
  next: string;
  /** Shows a refusal where the page shows its messages; null clears it. */
  onError: Report;
  /** Offer the account's passkeys in the browser's autofill of the email field (sign-in page). */
  autoFill?: boolean;
  label?: string;
}

/**
 * "Sign in with a passkey": the browser's passkey prompt, then better-auth's verification (user verification required,
 * the same ban and verification rules as a password; plugins/passkeys.ts). On the sign-in page it also offers passkeys
 * in the email field's autofill (conditional mediation) where the browser supports it.
 */
export function PasskeySignIn({
  next,
  onError,
  autoFill = false,
  label = "Continue with a passkey",
}: PasskeySignInProps) {
  const [pending, setPending] = useState(false);
  const report = useRef(onError);
  report.current = onError;
  // Once the button is pressed, the autofill request is over: its late answer must not count.
  const pressed = useRef(false);

  useEffect(() => {
    if (!autoFill) return;
    let active = true;
    (async () => {
      const available = await window.PublicKeyCredential?.isConditionalMediationAvailable?.().catch(() => false);
      if (!available || !active) return;
      const client = await loadPasskeyClient();
      if (!active) return;
      const result = await client.signIn.passkey({ autoFill: true });
      if (active && !pressed.current) await finish(result, next, report.current, true);
    })();
    return () => {
      active = false;
    };
  }, [autoFill, next]);

  async function signIn() {
    setPending(true);
    pressed.current = true;
    report.current(null);
    const { passkeyAuthClient: client, WebAuthnAbortService } = await loadPasskeyModule();
    // The autofill request holds the browser's one passkey prompt and this page's challenge: end it first.
    WebAuthnAbortService.cancelCeremony();
    const done = await finish(await client.signIn.passkey(), next, report.current, false);
    if (!done) setPending(false);
  }

  return (
    <Button type="button" variant="outline" className="w-full" onClick={signIn} disabled={pending} aria-busy={pending}>
      {pending ? <Spinner /> : <KeyRound aria-hidden />} {label}
    </Button>
  );
}
