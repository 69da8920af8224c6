import type { Metadata } from "next";
import { FormAlert } from "@/components/auth/form-alert";
import { PageHeader } from "@/components/shell/page-header";
import { requireSession } from "@/lib/auth/guard";
import { ChangeEmailForm } from "./_components/change-email-form";
import { UpdateProfileForm } from "./_components/update-profile-form";

export const metadata: Metadata = { title: "Profile" };

interface ProfilePageProps {
  searchParams: Promise<{ email?: string }>;
}

export default async function ProfilePage({ searchParams }: ProfilePageProps) {
  const { user } = await requireSession();
  const { email } = await searchParams;
  return (
    <>
      <PageHeader title="Profile" description="Your name, picture and email address." />
      <div className="grid max-w-2xl gap-6">
        {email === "changed" ? <FormAlert tone="success">Your email address is now {user.email}.</FormAlert> : null}
        <UpdateProfileForm name={user.name} image={user.image ?? ""} />
        <ChangeEmailForm email={user.email} verified={user.emailVerified} />
      </div>
    </>
  );
}
