import type { Metadata } from "next";
import { safeNext } from "@/lib/safe-redirect";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ next?: string; reset?: string; email?: string }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  return (
    <SignInForm
      next={safeNext(params.next)}
      passwordWasReset={params.reset === "1"}
      defaultEmail={params.email ?? ""}
    />
  );
}
