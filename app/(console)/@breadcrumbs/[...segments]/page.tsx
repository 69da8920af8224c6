import { Breadcrumbs } from "@/components/shell/breadcrumbs";

// The console header's breadcrumbs for every path under the console (a parallel route of its layout).
export default async function BreadcrumbsSlot(props: { params: Promise<{ segments: string[] }> }) {
  return <Breadcrumbs segments={(await props.params).segments} />;
}
