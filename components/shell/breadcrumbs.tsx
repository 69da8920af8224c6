import "server-only";
import { Fragment } from "react";
import {
  Breadcrumb,
  BreadcrumbItem,
  BreadcrumbList,
  BreadcrumbPage,
  BreadcrumbSeparator,
} from "@/components/ui/breadcrumb";
import { getOrganizationDetail } from "@/db/queries/admin-organizations";
import { getTeam } from "@/db/queries/teams";
import { getUserDetail } from "@/db/queries/users";
import { isImpersonating, isStaff, listMyOrganizationAccess, requireSession } from "@/lib/auth/guard";
import { breadcrumbTrail, type TrailNames } from "./breadcrumb-trail";

/**
 * The names a path's ids stand for, under the rules of the page they lead to: users and organizations under /admin
 * for staff only (requireStaff), an organization and its teams for its members only (requireOrg). The lookups are
 * the pages' own, cached for the request, so the page does not read them again.
 */
async function namesFor(segments: string[]): Promise<TrailNames> {
  const session = await requireSession();
  const [area, second, third, fourth] = segments;
  if (area === "admin" && fourth === undefined && third !== undefined) {
    if (isImpersonating(session) || !isStaff(session.user)) return {};
    if (second === "users") return { user: (await getUserDetail(third))?.name };
    if (second === "organizations") return { organization: (await getOrganizationDetail(third))?.name };
    return {};
  }
  if (area === "org" && second !== undefined) {
    const org = (await listMyOrganizationAccess()).find((candidate) => candidate.slug === second);
    if (!org) return {};
    const team = third === "teams" && fourth !== undefined ? await getTeam(org.id, fourth.slice(0, 64)) : null;
    return { organization: org.name, team: team?.name };
  }
  return {};
}

/**
 * The console header's trail ("Admin / Users / Ada Lovelace", "Acme / Teams / Core"); on phones only the current
 * page's title. Rendered by the @breadcrumbs slot of the console layout, from the requested path's segments.
 * Server markup only: a client component here (next/link) is a client module of the slot's own webpack entry, whose
 * chunks came on top of the page's (bench: first-load JS). The layout's BreadcrumbsFrame makes the links client-side
 * navigations.
 */
export async function Breadcrumbs({ segments }: { segments: string[] }) {
  const decoded = segments.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const crumbs = breadcrumbTrail(decoded, await namesFor(decoded));
  return (
    <Breadcrumb className="min-w-0">
      <BreadcrumbList className="flex-nowrap">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <Fragment key={`${crumb.href}:${crumb.label}`}>
              {index > 0 ? <BreadcrumbSeparator className="hidden sm:block" /> : null}
              <BreadcrumbItem className={last ? "min-w-0" : "hidden sm:inline-flex"}>
                {last ? (
                  <BreadcrumbPage className="truncate font-medium sm:font-normal">{crumb.label}</BreadcrumbPage>
                ) : crumb.href ? (
                  <a href={crumb.href} className="transition-colors hover:text-foreground">
                    {crumb.label}
                  </a>
                ) : (
                  <span>{crumb.label}</span>
                )}
              </BreadcrumbItem>
            </Fragment>
          );
        })}
      </BreadcrumbList>
    </Breadcrumb>
  );
}
