import type { OrgCapabilities } from "@/lib/auth/permissions";

/** An organization of the signed-in user as the shell shows it. */
export interface ShellOrganization {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  role: string;
  can: OrgCapabilities;
}

/** The organization the console is showing: the one in the URL (/org/<slug>/…), else the active one. */
export function currentOrganization(
  organizations: readonly ShellOrganization[],
  pathname: string,
  activeOrganizationId: string | null,
): ShellOrganization | null {
  const slug = /^\/org\/([^/]+)/.exec(pathname)?.[1];
  if (slug) {
    const decoded = decodeURIComponent(slug);
    const inUrl = organizations.find((org) => org.slug === decoded);
    if (inUrl) return inUrl;
  }
  return organizations.find((org) => org.id === activeOrganizationId) ?? null;
}
