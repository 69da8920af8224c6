import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getInvitationForRecipient } from "@/db/queries/invitations";
import { getSession } from "@/lib/auth/server";
import { InvitationCard } from "./_components/invitation-card";

export const metadata: Metadata = { title: "Invitation" };

interface AcceptInvitationPageProps {
  params: Promise<{ id: string }>;
}

const idSchema = z.string().min(1).max(64);

/** Where the invitation mail links: works signed out, signed in as the invitee, or signed in as someone else. */
export default async function AcceptInvitationPage({ params }: AcceptInvitationPageProps) {
  const parsed = idSchema.safeParse((await params).id);
  const [invitation, session] = await Promise.all([
    parsed.success ? getInvitationForRecipient(parsed.data) : null,
    getSession(),
  ]);
  // Decided before anything renders, so a wrong link answers 404 (./not-found.tsx says so in the invitation's words).
  if (!invitation) notFound();
  return (
    <InvitationCard
      invitation={invitation}
      viewer={session ? { email: session.user.email, name: session.user.name } : null}
    />
  );
}
