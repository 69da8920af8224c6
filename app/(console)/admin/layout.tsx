import type { ReactNode } from "react";
import { requireStaff } from "@/lib/auth/guard";

// Pages check again (layouts are kept across client navigations); checking here first, outside the loading boundary,
// answers a non-staff request with a real 404 status.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  return children;
}
