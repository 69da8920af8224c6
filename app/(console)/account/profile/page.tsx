import type { Metadata } from "next";
import { FormAlert } from "@/components/auth/form-alert";
import { PageHeader } from "@/components/shell/page-header";
import { listLinkedAccounts } from "@/db/queries/accounts";
import { listPasskeys } from "@/db/queries/passkeys";
import { requireSession } from "@/lib/auth/guard";
import { socialProviders } from "@/lib/auth/providers";
import { socialErrorMessage } from "@/lib/auth/social-errors";
import { emailOnlySchema } from "@/lib/validations/auth";
import { ChangeEmailForm } from "./_components/change-email-form";
import { LinkedAccountsCard } from "./_components/linked-accounts-card-lazy";
import { UpdateProfileForm } from "./_components/update-profile-form";

export const metadata: Metadata = { title: "Profile" };

interface ProfilePageProps {
  searchParams: Promise<{ email?: string; to?: string; linked?: string; error?: string }>;
}

export default async function ProfilePage({ searchParams }: ProfilePageProps) {
  const { user } = await requireSession();
  const { email, to, linked, error } = await searchParams;
  const [accounts, providers, passkeys] = await Promise.all([
    listLinkedAccounts(user.id),
    socialProviders(),
    listPasskeys(user.id),
  ]);
  // Both links of a confirmed change land here: the one from the old address (the move is confirmed, the new
  // address has its link now) and the one from the new address (done).
  const pendingTo = emailOnlySchema.safeParse({ email: to }).data?.email.toLowerCase();
  const done = !pendingTo || pendingTo === user.email;
  return (
    <>
      <PageHeader title="Profile" description="Your name, picture, email address and how you sign in." />
      <div className="grid max-w-2xl gap-6">
        {email === "changed" ? (
          <FormAlert tone="success">
            {done
              ? `Your email address is now ${user.email}.`
              : `Change confirmed. We sent a link to ${pendingTo}: open it to finish moving your account there.`}
          </FormAlert>
        ) : null}
        <UpdateProfileForm name={user.name} image={user.image ?? ""} />
        <ChangeEmailForm email={user.email} verified={user.emailVerified} />
        {linked === "1" && !error ? <FormAlert tone="success">The account was linked.</FormAlert> : null}
        <LinkedAccountsCard
          accounts={accounts}
          providers={providers.map(({ id, name }) => ({ id, name }))}
          passkeys={passkeys.length}
          linkError={socialErrorMessage(error)}
        />
      </div>
    </>
  );
}
