import "server-only";
import { securityOverviewRead } from "@/db/queries/account-security";
import { suggestedOrganizationsRead } from "@/db/queries/domains";
import { usersPageRead } from "@/db/queries/users";
import { isStaffRole } from "@/lib/auth/permissions";
import { planPageReads } from "@/lib/auth/server";
import { domainOfEmail } from "@/lib/organization/join-modes";
import { usersSearchParams } from "./admin/users/search-params";

// The read each console page makes first, named here so that on a page load it goes in the session check's D1 call
// (lib/auth/server.ts `readWithSession`): a D1 call costs about 0.5 ms of the Worker's CPU whatever it carries
// (README, "Performance"). Built from the claim, before the session is confirmed; nothing it reads reaches a page
// unless the session is confirmed, the page's own guard lets the viewer in and it asks for the same read (same key).
// Staff reads are planned only for a claim of a staff role, so nobody else's page load reads the users table.
planPageReads((url, { user }) => {
  switch (url.pathname) {
    case "/":
      return user.emailVerified ? suggestedOrganizationsRead(user.id, domainOfEmail(user.email)) : null;
    case "/account/security":
      return securityOverviewRead(user.id);
    case "/admin/users":
      return isStaffRole(user.role) ? usersPageRead(usersSearchParams.parse(url.searchParams)) : null;
    default:
      return null;
  }
});
