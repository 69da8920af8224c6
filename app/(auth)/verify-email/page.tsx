import type { Metadata } from "next";
import { safeNext } from "@/lib/safe-redirect";
import { CheckInbox } from "./_components/check-inbox";

export const metadata: Metadata = { title: "Check your inbox" };

interface VerifyEmailPageProps {
  searchParams: Promise<{ email?: string; next?: string; mail?: string }>;
}

export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const params = await searchParams;
  return <CheckInbox email={params.email ?? ""} next={safeNext(params.next)} mailFailed={params.mail === "failed"} />;
}
