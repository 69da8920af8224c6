import { Breadcrumbs } from "@/components/shell/breadcrumbs";

// The console header's breadcrumbs under /org (a parallel route of the console layout). Not one catch-all at the
// slot's root: that would claim the (auth) group's paths too.
export default async function BreadcrumbsSlot(props: { params: Promise<{ segments: string[] }> }) {
  return <Breadcrumbs segments={["org", ...(await props.params).segments]} />;
}
