"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/auth/form-alert";
import { SocialButtons, type SocialChoice } from "@/components/auth/social-buttons";
import { SubmitButton } from "@/components/auth/submit-button";
import { ActionFormAlert } from "@/components/forms/action-form";
import { EmailField, NameField, NewPasswordFields } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { type SignUp, signUpSchema } from "@/lib/validations/auth";
import { AuthFormCard } from "../../_components/auth-form-card";

interface SignUpFormProps {
  next: string;
  defaultEmail: string;
  /** The social providers configured on this console: signing up through one creates the account from its claims. */
  providers: SocialChoice[];
  /** Why a social sign-up came back refused (`?error=`), in words. */
  socialError: string | null;
}

function inboxPath(email: string, next: string, mailFailed = false) {
  const params = new URLSearchParams({ email });
  if (next !== "/") params.set("next", next);
  if (mailFailed) params.set("mail", "failed");
  return `/verify-email?${params}`;
}

// better-auth's password rules are said under the password field.
const CODE_FIELDS = { PASSWORD_: "password" } as const;

export function SignUpForm({ next, defaultEmail, providers, socialError }: SignUpFormProps) {
  const router = useRouter();
  const state = useActionForm<SignUp, { mailFailed: boolean }>({
    schema: signUpSchema,
    defaultValues: { name: "", email: defaultEmail, password: "" },
    action: async (values) => {
      const result = await fromAuth(
        await (await loadAuthClient()).signUp.email({
          name: values.name,
          email: values.email,
          password: values.password,
          callbackURL: `/verify-email/done?next=${encodeURIComponent(next)}`,
        }),
      );
      // The account exists; only its email failed: the inbox page says so and resends.
      if (!result.ok && result.code === "VERIFICATION_EMAIL_NOT_SENT") {
        return { ok: true, message: "", data: { mailFailed: true } };
      }
      return result.ok ? { ok: true, message: "" } : result;
    },
    onSuccess: ({ data }, values) => router.push(inboxPath(values.email, next, data?.mailFailed)),
    toast: false,
    keepValues: true,
    codeFields: CODE_FIELDS,
  });

  const errorPath = next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`;

  return (
    <AuthFormCard
      // The better-auth client (~16 KiB gzip) is not part of the first load: it loads once a field has focus.
      onFocus={preloadAuthClient}
      title="Create your account"
      description="We will send a link to verify your email address."
      state={state}
      notice={socialError && !state.error ? <FormAlert>{socialError}</FormAlert> : <ActionFormAlert state={state} />}
      footer={
        <>
          <SubmitButton pending={state.pending} pendingLabel="Creating account…">
            Create account
          </SubmitButton>
          {providers.length > 0 ? (
            <div className="flex w-full items-center gap-3 text-muted-foreground text-xs" aria-hidden>
              <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
            </div>
          ) : null}
          <SocialButtons
            providers={providers}
            next={next}
            errorPath={errorPath}
            onError={state.setError}
            verb="Sign up with"
          />
          <p className="text-muted-foreground text-sm">
            Already have an account?{" "}
            <Link
              href={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`}
              className="text-foreground underline underline-offset-4"
            >
              Sign in
            </Link>
          </p>
        </>
      }
    >
      <NameField control={state.form.control} name="name" autoFocus />
      <EmailField control={state.form.control} name="email" />
      <NewPasswordFields control={state.form.control} name="password" label="Password" />
    </AuthFormCard>
  );
}
