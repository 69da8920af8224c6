"use client";

import Link from "next/link";
import { useState } from "react";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardFooter } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";

/** Signing out is a POST (never a GET side effect), confirmed on this page. */
export function SignOutCard() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setPending(true);
    const { error } = await authClient.signOut();
    if (error) {
      setPending(false);
      setError(describeAuthError(error));
      return;
    }
    window.location.assign("/sign-in");
  }

  return (
    <Card>
      <AuthCardHeader title="Sign out" description="You will need your password to come back." />
      {error ? (
        <div className="px-6">
          <FormAlert>{error}</FormAlert>
        </div>
      ) : null}
      <CardFooter className="flex flex-col gap-4">
        <Button className="w-full" onClick={signOut} disabled={pending}>
          {pending ? <Spinner /> : null}
          Sign out
        </Button>
        <Link href="/" className="text-muted-foreground text-sm underline underline-offset-4">
          Back to the console
        </Link>
      </CardFooter>
    </Card>
  );
}
