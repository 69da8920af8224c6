import { Clock, MailWarning, XCircle } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuthCardHeader } from "@/components/auth/auth-card-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import type { getInvitationForRecipient } from "@/db/queries/invitations";
import { AnswerInvitation } from "./answer-invitation";
import { SwitchAccountButton } from "./switch-account-button";

type Invitation = NonNullable<Awaited<ReturnType<typeof getInvitationForRecipient>>>;

interface InvitationCardProps {
  invitation: Invitation | null;
  viewer: { email: string; name: string } | null;
}

function Problem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <AuthCardHeader title={title} />
      <CardContent className="flex gap-3">
        <XCircle className="size-6 shrink-0 text-destructive" aria-hidden />
        <div className="grid gap-2" data-testid="invitation-state">
          {children}
        </div>
      </CardContent>
      <CardFooter className="mt-6">
        <Button asChild variant="outline" className="w-full">
          <a href="/">Go to the console</a>
        </Button>
      </CardFooter>
    </Card>
  );
}

/** Every state of an invitation link, in words the recipient understands, with the one next step that helps. */
export function InvitationCard({ invitation, viewer }: InvitationCardProps) {
  if (!invitation) {
    return (
      <Problem title="Invitation not found">
        <p>This invitation link is not valid. Check that you opened the whole link from the email.</p>
      </Problem>
    );
  }
  const org = invitation.organizationName;
  switch (invitation.state) {
    case "accepted":
      return (
        <Problem title="Invitation already accepted">
          <p>This invitation to {org} has already been accepted.</p>
          <p className="text-muted-foreground text-sm">If that was you, open the organization from the console.</p>
        </Problem>
      );
    case "canceled":
      return (
        <Problem title="Invitation cancelled">
          <p>
            This invitation to {org} was cancelled. Ask {invitation.inviterName} for a new one if you still need access.
          </p>
        </Problem>
      );
    case "rejected":
      return (
        <Problem title="Invitation declined">
          <p>This invitation to {org} was declined. Ask for a new one if you change your mind.</p>
        </Problem>
      );
    case "expired":
      return (
        <Problem title="Invitation expired">
          <p className="flex items-center gap-2">
            <Clock className="size-4" aria-hidden /> This invitation to {org} has expired.
          </p>
          <p className="text-muted-foreground text-sm">Ask {invitation.inviterName} to send it again.</p>
        </Problem>
      );
    case "pending":
      break;
  }

  const next = `/accept-invitation/${invitation.id}`;
  const summary = (
    <>
      {invitation.inviterName} invited <strong>{invitation.email}</strong> to join <strong>{org}</strong> as{" "}
      <strong>{invitation.role}</strong>.
    </>
  );

  if (!viewer) {
    const email = encodeURIComponent(invitation.email);
    return (
      <Card>
        <AuthCardHeader title={`Join ${org}`} description={summary} />
        <CardContent>
          <p className="text-sm">Sign in with {invitation.email} to accept, or create an account with that address.</p>
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-3">
          <Button asChild className="w-full">
            <Link href={`/sign-in?email=${email}&next=${encodeURIComponent(next)}`}>Sign in to accept</Link>
          </Button>
          <Button asChild variant="outline" className="w-full">
            <Link href={`/sign-up?email=${email}&next=${encodeURIComponent(next)}`}>Create an account</Link>
          </Button>
        </CardFooter>
      </Card>
    );
  }

  if (viewer.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Card>
        <AuthCardHeader title="This invitation is for another account" description={summary} />
        <CardContent className="flex gap-3">
          <MailWarning className="size-6 shrink-0 text-amber-600" aria-hidden />
          <p data-testid="invitation-state">
            You are signed in as {viewer.email}. Switch to {invitation.email} to answer this invitation.
          </p>
        </CardContent>
        <CardFooter className="mt-6 flex flex-col gap-3">
          <SwitchAccountButton email={invitation.email} next={next} />
          <Button asChild variant="outline" className="w-full">
            <a href="/">Stay signed in as {viewer.email}</a>
          </Button>
        </CardFooter>
      </Card>
    );
  }

  return (
    <Card>
      <AuthCardHeader title={`Join ${org}`} description={summary} />
      <AnswerInvitation invitationId={invitation.id} organizationSlug={invitation.organizationSlug} />
    </Card>
  );
}
