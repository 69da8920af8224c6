"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth/client";
import { useHydrated } from "@/lib/hooks/use-hydrated";

interface SwitchAccountButtonProps {
  email: string;
  next: string;
}

/** Signs out, then opens sign-in with the invited address filled in and a way back to the invitation. */
export function SwitchAccountButton({ email, next }: SwitchAccountButtonProps) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function switchAccount() {
    setPending(true);
    await authClient.signOut();
    window.location.assign(`/sign-in?email=${encodeURIComponent(email)}&next=${encodeURIComponent(next)}`);
  }

  return (
    <Button
      type="button"
      className="w-full"
      disabled={!hydrated || pending}
      aria-busy={pending}
      onClick={() => void switchAccount()}
    >
      {pending ? <Spinner /> : null} Switch account
    </Button>
  );
}
