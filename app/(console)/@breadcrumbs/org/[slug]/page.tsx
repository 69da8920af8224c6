import { Breadcrumbs } from "@/components/shell/breadcrumbs";

// The console header's breadcrumbs on an organization's overview (a parallel route of the console layout). Shaped
// like the pages' own tree (org/[slug]/…): a catch-all in [slug]'s place filed the overview page's client chunks
// under every organization page (bench: first-load JS).
export default async function OrgBreadcrumbs(props: { params: Promise<{ slug: string }> }) {
  return <Breadcrumbs segments={["org", (await props.params).slug]} />;
}
