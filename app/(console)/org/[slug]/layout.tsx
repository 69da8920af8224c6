import type { ReactNode } from "react";
import { TwoFactorGraceBanner } from "@/components/org/two-factor-grace-banner";
import { requireOrgPage } from "@/lib/auth/guard";

interface OrgLayoutProps {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}

// The page makes the same check again (layouts are kept across client navigations). No loading.tsx wraps the pages
// below: a non-member, or a page's own notFound() (a missing team), must be decided before anything streams to get a
// real 404 status instead of a streamed 200. A member past the two-factor grace period is sent to set it up.
export default async function OrgLayout({ children, params }: OrgLayoutProps) {
  const { org, twoFactor } = await requireOrgPage((await params).slug);
  return (
    <>
      {twoFactor.state === "grace" ? (
        <TwoFactorGraceBanner organizationName={org.name} deadline={twoFactor.deadline} daysLeft={twoFactor.daysLeft} />
      ) : null}
      {children}
    </>
  );
}
