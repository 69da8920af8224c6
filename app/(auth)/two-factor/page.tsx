import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { Button } from "@/components/ui/button";
import { Card, CardFooter } from "@/components/ui/card";
import { getAuth } from "@/lib/auth/server";
import { safeNext } from "@/lib/safe-redirect";
import { TwoFactorChallengeForm } from "./_components/two-factor-challenge-form";

export const metadata: Metadata = { title: "Two-factor authentication" };

interface TwoFactorPageProps {
  searchParams: Promise<{ next?: string }>;
}

// The second step of a password sign-in; better-auth's signed `two_factor` cookie is what admits a visitor here.
export default async function TwoFactorPage({ searchParams }: TwoFactorPageProps) {
  const requestHeaders = await headers();
  const next = safeNext((await searchParams).next);
  const challenge = await (await getAuth()).api.getTwoFactorChallenge({ headers: requestHeaders });
  const signInHref = next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
  if (!challenge.pending) {
    return (
      <Card>
        <AuthCardHeader
          title="Sign-in expired"
          description="There is no sign-in waiting for a second factor in this browser, or it took too long. Sign in again with your password."
        />
        <CardFooter>
          <Button asChild className="w-full">
            <Link href={signInHref}>Sign in again</Link>
          </Button>
        </CardFooter>
      </Card>
    );
  }
  return (
    <TwoFactorChallengeForm
      next={next}
      signInHref={signInHref}
      methods={challenge.methods}
      backupCodes={challenge.backupCodes}
      passkey={challenge.passkey}
    />
  );
}
