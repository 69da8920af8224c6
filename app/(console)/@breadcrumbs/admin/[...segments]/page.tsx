import { Breadcrumbs } from "@/components/shell/breadcrumbs";

// The console header's breadcrumbs under /admin (a parallel route of the console layout). Not one catch-all at the
// slot's root: that would claim the (auth) group's paths too.
export default async function BreadcrumbsSlot(props: { params: Promise<{ segments: string[] }> }) {
  return <Breadcrumbs segments={["admin", ...(await props.params).segments]} />;
}
