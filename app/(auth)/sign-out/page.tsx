import type { Metadata } from "next";
import { SignOutCard } from "./_components/sign-out-card";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return <SignOutCard />;
}
