"use client";

import { MailCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { emailOnlySchema } from "@/lib/validations/auth";

interface CheckInboxProps {
  email: string;
  next: string;
  mailFailed: boolean;
}

/** "Check your inbox", with a resend button that also recovers from a failed first send. */
export function CheckInbox({ email: initialEmail, next, mailFailed }: CheckInboxProps) {
  const [email, setEmail] = useState(initialEmail);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string } | null>(
    mailFailed
      ? {
          tone: "error",
          message: "Your account was created, but we could not send the verification email. Try resending it.",
        }
      : null,
  );

  async function resend(event: React.FormEvent) {
    event.preventDefault();
    const parsed = emailOnlySchema.safeParse({ email });
    if (!parsed.success) {
      setResult({ tone: "error", message: parsed.error.issues[0]?.message ?? "Enter a valid email address." });
      return;
    }
    setPending(true);
    const { error } = await authClient.sendVerificationEmail({
      email: parsed.data.email,
      callbackURL: `/verify-email/done?next=${encodeURIComponent(next)}`,
    });
    setPending(false);
    setResult(
      error
        ? { tone: "error", message: describeAuthError(error) }
        : { tone: "success", message: `We sent a new link to ${parsed.data.email}.` },
    );
  }

  return (
    <Card>
      <AuthCardHeader
        title="Check your inbox"
        description={
          initialEmail ? (
            <>
              We sent a verification link to <strong className="text-foreground">{initialEmail}</strong>. Open it to
              finish setting up your account. If that address already has an account, the email tells you how to sign in
              instead.
            </>
          ) : (
            "Open the verification link we sent you to finish setting up your account."
          )
        }
      />
      <form onSubmit={resend} noValidate>
        <CardContent className="grid gap-4">
          <div className="flex justify-center py-2 text-muted-foreground">
            <MailCheck className="size-10" aria-hidden />
          </div>
          {result ? <FormAlert tone={result.tone}>{result.message}</FormAlert> : null}
          <div className="grid gap-2">
            <Label htmlFor="resend-email">Didn&apos;t get it? Resend to</Label>
            <Input
              id="resend-email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-4">
          <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
            {pending ? <Spinner /> : null}
            Resend verification email
          </Button>
          <Link href="/sign-in" className="text-muted-foreground text-sm underline underline-offset-4">
            Back to sign in
          </Link>
        </CardFooter>
      </form>
    </Card>
  );
}
