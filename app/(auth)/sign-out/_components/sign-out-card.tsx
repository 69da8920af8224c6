"use client";

import Link from "next/link";
import { z } from "zod";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Card, CardFooter } from "@/components/ui/card";
import { fromAuth } from "@/lib/actions/from-auth";
import { authClient } from "@/lib/auth/client";

const nothing = z.object({});

/** Signing out is a POST (never a GET side effect), confirmed on this page. */
export function SignOutCard() {
  const state = useActionForm<z.infer<typeof nothing>, unknown>({
    schema: nothing,
    defaultValues: {},
    action: async () => fromAuth(await authClient.signOut()),
    onSuccess: () => window.location.assign("/sign-in"),
    toast: false,
    keepValues: true,
  });

  return (
    <Card>
      <AuthCardHeader title="Sign out" description="You will need your password to come back." />
      <ActionForm state={state} alert="none" className="flex flex-col gap-6">
        {state.error ? (
          <div className="px-6">
            <ActionFormAlert state={state} />
          </div>
        ) : null}
        <CardFooter className="flex flex-col gap-4">
          <SubmitButton pending={state.pending}>Sign out</SubmitButton>
          <Link href="/" className="text-muted-foreground text-sm underline underline-offset-4">
            Back to the console
          </Link>
        </CardFooter>
      </ActionForm>
    </Card>
  );
}
