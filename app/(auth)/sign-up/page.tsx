import type { Metadata } from "next";
import { safeNext } from "@/lib/safe-redirect";
import { SignUpForm } from "./_components/sign-up-form";

export const metadata: Metadata = { title: "Create account" };

interface SignUpPageProps {
  searchParams: Promise<{ next?: string; email?: string }>;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const params = await searchParams;
  return <SignUpForm next={safeNext(params.next)} defaultEmail={params.email ?? ""} />;
}
