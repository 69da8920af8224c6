"use client";

import Link from "next/link";
import { FormAlert } from "@/components/auth/form-alert";
import { PasskeySignIn } from "@/components/auth/passkey-sign-in";
import { SocialButtons, type SocialChoice } from "@/components/auth/social-buttons";
import { SubmitButton } from "@/components/auth/submit-button";
import { CurrentPasswordField, EmailField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { fromAuth } from "@/lib/actions/from-auth";
import { ERROR_MESSAGES } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { type SignIn, signInSchema } from "@/lib/validations/auth";
import { AuthFormCard } from "../../_components/auth-form-card";

interface SignInFormProps {
  next: string;
  passwordWasReset: boolean;
  defaultEmail: string;
  /** The social providers configured on this console. */
  providers: SocialChoice[];
  /** Why a social sign-in came back refused (`?error=`), in words. */
  socialError: string | null;
}

export function SignInForm({ next, passwordWasReset, defaultEmail, providers, socialError }: SignInFormProps) {
  const state = useActionForm<SignIn, unknown>({
    schema: signInSchema,
    defaultValues: { email: defaultEmail, password: "" },
    action: async (values) => {
      const client = await loadAuthClient();
      return fromAuth(await client.signIn.email({ email: values.email, password: values.password }));
    },
    onSuccess: ({ data }) => {
      // The two-factor plugin redirects by itself when a second factor is due.
      if (data && typeof data === "object" && "twoFactorRedirect" in data && data.twoFactorRedirect) return;
      // A full load: the router may hold pages prefetched while signed out (redirects to this form).
      window.location.assign(next);
    },
    toast: false,
    keepValues: true,
  });
  const unverified = state.error === ERROR_MESSAGES.EMAIL_NOT_VERIFIED;
  const errorPath = next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;

  const email = state.form.watch("email");
  return (
    <AuthFormCard
      title="Sign in"
      description="Welcome back. Sign in to the console."
      state={state}
      // The better-auth client (~16 KiB gzip) is not part of the first load: it loads once a field has focus.
      onFocus={preloadAuthClient}
      notice={
        <>
          {passwordWasReset && !state.error ? (
            <FormAlert tone="success">Your password was changed. Sign in with the new one.</FormAlert>
          ) : null}
          {socialError && !state.error ? <FormAlert>{socialError}</FormAlert> : null}
          {state.error ? (
            <FormAlert>
              {state.error}{" "}
              {unverified ? (
                <Link className="underline" href={`/verify-email?email=${encodeURIComponent(email)}`}>
                  Open the inbox page
                </Link>
              ) : null}
            </FormAlert>
          ) : null}
        </>
      }
      footer={
        <>
          <SubmitButton pending={state.pending} pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
          <div className="flex w-full items-center gap-3 text-muted-foreground text-xs" aria-hidden>
            <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
          </div>
          <PasskeySignIn next={next} onError={state.setError} autoFill />
          <SocialButtons providers={providers} next={next} errorPath={errorPath} onError={state.setError} />
          <p className="text-muted-foreground text-sm">
            No account yet?{" "}
            <Link
              href={next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`}
              className="text-foreground underline underline-offset-4"
            >
              Create one
            </Link>
          </p>
        </>
      }
    >
      {/* "webauthn": the browser offers this site's passkeys when the field gets focus. */}
      <EmailField control={state.form.control} name="email" autoComplete="username webauthn" autoFocus />
      <div className="relative">
        <CurrentPasswordField control={state.form.control} name="password" />
        <Link
          href="/forgot-password"
          className="absolute top-0 right-0 text-muted-foreground text-sm leading-none underline-offset-4 hover:underline"
        >
          Forgot password?
        </Link>
      </div>
    </AuthFormCard>
  );
}
