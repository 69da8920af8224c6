"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";

export interface SocialChoice {
  id: string;
  name: string;
}

interface SocialButtonsProps {
  providers: SocialChoice[];
  /** Where to land after signing in (a same-origin path). */
  next: string;
  /** Where a refusal lands (`?error=` is added): the page the buttons are on. */
  errorPath: string;
  onError: (message: string | null) => void;
  /** The button's words before the provider's name. */
  verb?: string;
}

/** "Continue with Google / GitHub / <OpenID provider>": only the providers configured on this console. */
export function SocialButtons({ providers, next, errorPath, onError, verb = "Continue with" }: SocialButtonsProps) {
  const [pending, setPending] = useState<string | null>(null);
  if (providers.length === 0) return null;

  async function go(provider: string) {
    setPending(provider);
    onError(null);
    const client = await loadAuthClient();
    // better-auth answers with the provider's authorization URL and the client goes there.
    const result = await fromAuth(
      await client.signIn.social({
        provider,
        callbackURL: next,
        errorCallbackURL: errorPath,
        newUserCallbackURL: next,
      }),
    );
    if (!result.ok) {
      onError(result.error);
      setPending(null);
    }
  }

  return (
    <div className="grid w-full gap-2">
      {providers.map((provider) => (
        <Button
          key={provider.id}
          type="button"
          variant="outline"
          className="w-full"
          disabled={pending !== null}
          aria-busy={pending === provider.id}
          onClick={() => go(provider.id)}
        >
          {pending === provider.id ? <Spinner /> : null} {verb} {provider.name}
        </Button>
      ))}
    </div>
  );
}
