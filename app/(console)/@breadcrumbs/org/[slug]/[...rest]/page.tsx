import { Breadcrumbs } from "@/components/shell/breadcrumbs";

// The console header's breadcrumbs under an organization's pages (a parallel route of the console layout).
export default async function OrgPageBreadcrumbs(props: { params: Promise<{ slug: string; rest: string[] }> }) {
  const { slug, rest } = await props.params;
  return <Breadcrumbs segments={["org", slug, ...rest]} />;
}
