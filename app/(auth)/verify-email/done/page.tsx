import { CheckCircle2, XCircle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { describeAuthError } from "@/lib/auth/errors";
import { safeNext } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Email verification" };

interface VerifiedPageProps {
  searchParams: Promise<{ next?: string; error?: string }>;
}

/** Where better-auth's verification link lands: success (already signed in) or the reason it failed. */
export default async function VerifiedPage({ searchParams }: VerifiedPageProps) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (params.error) {
    return (
      <Card>
        <AuthCardHeader title="This link did not work" />
        <CardContent className="flex gap-3">
          <XCircle className="size-6 shrink-0 text-destructive" aria-hidden />
          <p role="alert">{describeAuthError({ code: params.error.toUpperCase() })}</p>
        </CardContent>
        <CardFooter className="mt-6">
          <Button asChild className="w-full">
            <Link href="/verify-email">Send a new link</Link>
          </Button>
        </CardFooter>
      </Card>
    );
  }
  return (
    <Card>
      <AuthCardHeader title="Email verified" />
      <CardContent className="flex gap-3">
        <CheckCircle2 className="size-6 shrink-0 text-emerald-600" aria-hidden />
        <p>Your email address is verified and you are signed in.</p>
      </CardContent>
      <CardFooter className="mt-6">
        <Button asChild className="w-full">
          {/* A full load, so the console renders with the session the link just created. */}
          <a href={next}>Continue to the console</a>
        </Button>
      </CardFooter>
    </Card>
  );
}
