// Where a console path sits, as crumbs: "Admin / Users / Ada Lovelace", "Acme / Teams / Core". The static labels come
// from the navigation's list (nav-model.ts); the names of the things in the path are looked up by the caller, who
// holds the guard (components/shell/breadcrumbs.tsx).
import { ACCOUNT_PAGES, adminPages, HOME_PAGE } from "./nav-model";
import { orgPages } from "./org-pages";

export interface Crumb {
  label: string;
  /** Null for the current page and for a level that is not a page of its own (/account). */
  href: string | null;
}

/** The name of what a path's id stands for, when the viewer may see it (null: not known or not theirs). */
export interface TrailNames {
  organization?: string | null;
  user?: string | null;
  team?: string | null;
}

const EVERY_CAPABILITY = new Proxy({}, { get: () => true }) as Parameters<typeof orgPages>[0]["can"];

/** A page's label from the navigation's list, by its path (every page listed, whoever may open it). */
function labelOf(href: string): string | undefined {
  const slug = /^\/org\/([^/]+)/.exec(href)?.[1];
  const pages = [
    HOME_PAGE,
    ...ACCOUNT_PAGES,
    ...adminPages({ staff: true, operator: true }),
    ...(slug ? orgPages({ slug, can: EVERY_CAPABILITY }) : []),
  ];
  return pages.find((page) => page.href === href)?.label;
}

/** What an id in the path shows: the name found for it, else what it is. */
const KINDS: Record<string, { name: keyof TrailNames | null; fallback: string }> = {
  users: { name: "user", fallback: "User" },
  organizations: { name: "organization", fallback: "Organization" },
  teams: { name: "team", fallback: "Team" },
  webhooks: { name: null, fallback: "Endpoint" },
};

/** The crumbs of a console path given as its segments (decoded), the last one the current page. */
export function breadcrumbTrail(segments: string[], names: TrailNames = {}): Crumb[] {
  if (segments.length === 0) return [{ label: HOME_PAGE.label, href: null }];
  const crumbs: Crumb[] = [];
  const [area, second] = segments;
  let start = 1;
  if (area === "org" && second !== undefined) {
    crumbs.push({ label: names.organization ?? second, href: `/org/${encodeURIComponent(second)}` });
    start = 2;
  } else if (area === "admin") {
    crumbs.push({ label: "Admin", href: "/admin" });
  } else if (area === "account") {
    crumbs.push({ label: "Account", href: null });
  } else {
    start = 0;
  }
  const base = crumbs[0]?.href ?? (area === "account" ? "/account" : "");
  for (let index = start; index < segments.length; index++) {
    const segment = segments[index] as string;
    const href = `${base}/${segments
      .slice(start, index + 1)
      .map((part) => encodeURIComponent(part))
      .join("/")}`;
    const parent = index > start ? segments[index - 1] : undefined;
    const kind = parent !== undefined && labelOf(href) === undefined ? KINDS[parent] : undefined;
    const label = kind ? ((kind.name ? names[kind.name] : null) ?? kind.fallback) : (labelOf(href) ?? segment);
    crumbs.push({ label, href });
  }
  const last = crumbs.at(-1) as Crumb;
  last.href = null;
  return crumbs;
}
