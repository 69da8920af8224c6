import { Breadcrumbs } from "@/components/shell/breadcrumbs";

// The console home's crumb.
export default function HomeBreadcrumbs() {
  return <Breadcrumbs segments={[]} />;
}
