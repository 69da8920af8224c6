import { InvitationCard } from "./_components/invitation-card";

// The page's notFound() lands here, inside the auth layout: the recipient of a broken link keeps the invitation's own
// wording ("Invitation not found") rather than the generic 404 page.
export default function InvitationNotFound() {
  return <InvitationCard invitation={null} viewer={null} />;
}
