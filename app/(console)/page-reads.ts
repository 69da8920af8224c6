import "server-only";
import { securityOverviewRead } from "@/db/queries/account-security";
import { suggestedOrganizationsRead } from "@/db/queries/domains";
import { membersPageRead } from "@/db/queries/members";
import { mySessionsRead } from "@/db/queries/sessions";
import { usersPageRead } from "@/db/queries/users";
import { BUILT_IN_ORG_ROLES, isStaffRole } from "@/lib/auth/permissions";
import { type PageReadPlanner, planPageReads } from "@/lib/auth/server";
import { domainOfEmail } from "@/lib/organization/join-modes";
import { sessionsSearchParams } from "./account/sessions/search-params";
import { usersSearchParams } from "./admin/users/search-params";
import { membersSearchParams } from "./org/[slug]/members/search-params";

const MEMBERS_PAGE = /^\/org\/([^/]+)\/members$/;

/** A path segment decoded, or null when it is not valid percent-encoding (the page then 404s on its own). */
function safeDecode(segment: string | undefined): string | null {
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

// The read each console page makes first, named here so that on a page load it goes in the session check's D1 call
// (lib/auth/server.ts `readWithSession`): a D1 call costs about 0.5 ms of the Worker's CPU whatever it carries
// (README, "Performance"). Built from the claim, before the session is confirmed; nothing it reads reaches a page
// unless the session is confirmed, the page's own guard lets the viewer in and it asks for the same read (same key).
// Staff reads are planned only for a claim of a staff role, so nobody else's page load reads the users table.
export const planConsolePageRead: PageReadPlanner = (url, { user }) => {
  switch (url.pathname) {
    case "/":
      return user.emailVerified ? suggestedOrganizationsRead(user.id, domainOfEmail(user.email)) : null;
    case "/account/security":
      return securityOverviewRead(user.id);
    case "/account/sessions":
      return mySessionsRead(user.id, sessionsSearchParams.parse(url.searchParams));
    case "/admin/users":
      return isStaffRole(user.role) ? usersPageRead(usersSearchParams.parse(url.searchParams)) : null;
    default: {
      // By slug and viewer (the guard has not resolved the organization yet); the built-in roles only, so a filter
      // on a custom role parses differently from the page's and the page reads on its own.
      const slug = safeDecode(MEMBERS_PAGE.exec(url.pathname)?.[1]);
      if (!slug) return null;
      const query = membersSearchParams(BUILT_IN_ORG_ROLES).parse(url.searchParams);
      return membersPageRead({ slug, userId: user.id }, query);
    }
  }
};

planPageReads(planConsolePageRead);
