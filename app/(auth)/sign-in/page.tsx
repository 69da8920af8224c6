import type { Metadata } from "next";
import { socialProviders } from "@/lib/auth/providers";
import { socialErrorMessage } from "@/lib/auth/social-errors";
import { safeNext } from "@/lib/safe-redirect";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ next?: string; reset?: string; email?: string; error?: string; error_description?: string }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const providers = await socialProviders();
  return (
    <SignInForm
      next={safeNext(params.next)}
      passwordWasReset={params.reset === "1"}
      defaultEmail={params.email ?? ""}
      providers={providers.map(({ id, name }) => ({ id, name }))}
      socialError={socialErrorMessage(params.error, params.error_description)}
    />
  );
}
