import type { ReactNode } from "react";
import { requireStaff } from "@/lib/auth/guard";

// Pages check again (layouts are kept across client navigations). No loading.tsx sits between this check and the
// pages, so a refusal here, or a page's own notFound(), is decided before anything streams: a real 404 status.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  return children;
}
