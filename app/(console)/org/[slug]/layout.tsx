import type { ReactNode } from "react";
import { requireOrgPage } from "@/lib/auth/guard";

interface OrgLayoutProps {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}

// The page makes the same check again (layouts are kept across client navigations). No loading.tsx wraps the pages
// below: a non-member, or a page's own notFound() (a missing team), must be decided before anything streams to get a
// real 404 status instead of a streamed 200.
export default async function OrgLayout({ children, params }: OrgLayoutProps) {
  await requireOrgPage((await params).slug);
  return children;
}
