"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { SubmitButton } from "@/components/auth/submit-button";
import { EmailField, NameField, NewPasswordFields } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { type SignUp, signUpSchema } from "@/lib/validations/auth";
import { AuthFormCard } from "../../_components/auth-form-card";

interface SignUpFormProps {
  next: string;
  defaultEmail: string;
}

function inboxPath(email: string, next: string, mailFailed = false) {
  const params = new URLSearchParams({ email });
  if (next !== "/") params.set("next", next);
  if (mailFailed) params.set("mail", "failed");
  return `/verify-email?${params}`;
}

// better-auth's password rules are said under the password field.
const CODE_FIELDS = { PASSWORD_: "password" } as const;

export function SignUpForm({ next, defaultEmail }: SignUpFormProps) {
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

  return (
    <AuthFormCard
      // The better-auth client (~16 KiB gzip) is not part of the first load: it loads once a field has focus.
      onFocus={preloadAuthClient}
      title="Create your account"
      description="We will send a link to verify your email address."
      state={state}
      footer={
        <>
          <SubmitButton pending={state.pending} pendingLabel="Creating account…">
            Create account
          </SubmitButton>
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
