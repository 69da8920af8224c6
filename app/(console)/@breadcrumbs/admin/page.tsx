import { Breadcrumbs } from "@/components/shell/breadcrumbs";

// The console header's breadcrumb on /admin.
export default function AdminBreadcrumbs() {
  return <Breadcrumbs segments={["admin"]} />;
}
