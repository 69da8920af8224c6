import type { Metadata } from "next";
import { socialProviders } from "@/lib/auth/providers";
import { socialErrorMessage } from "@/lib/auth/social-errors";
import { safeNext } from "@/lib/safe-redirect";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Create account" };

interface SignUpPageProps {
  searchParams: Promise<{ next?: string; email?: string; error?: string; error_description?: string }>;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const params = await searchParams;
  const providers = await socialProviders();
  return (
    <SignUpForm
      next={safeNext(params.next)}
      defaultEmail={params.email ?? ""}
      providers={providers.map(({ id, name }) => ({ id, name }))}
      socialError={socialErrorMessage(params.error, params.error_description)}
    />
  );
}
