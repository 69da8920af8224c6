import type { ReactNode } from "react";
import { requireOrgPage } from "@/lib/auth/guard";

interface OrgLayoutProps {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}

// The page makes the same check again (layouts are kept across client navigations); doing it here first, outside
// the loading boundary, lets a non-member get a real 404 status instead of a streamed 200.
export default async function OrgLayout({ children, params }: OrgLayoutProps) {
  await requireOrgPage((await params).slug);
  return children;
}
