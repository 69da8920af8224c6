import { getDb } from "@/db";
import { iterateUsers } from "@/db/queries/users";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { routeHandler } from "@/lib/auth/entry";
import { csvResponse } from "@/lib/csv";
import { usersSearchParams } from "../../../../(console)/admin/users/search-params";

/** GET /api/admin/users/export?<the users table's URL>: every user matching the filter as CSV (staff only). */
export const GET = routeHandler("api.admin.users_export", async ({ request, actor, rule }) => {
  const url = new URL(request.url);
  const query = usersSearchParams.parse(url.searchParams);
  await recordAudit(await getDb(), {
    action: rule.action,
    ...actor,
    metadata: { search: query.search || null, filters: query.filters },
    ...requestOrigin(request.headers),
  });
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(
    `users-${day}.csv`,
    ["id", "name", "email", "role", "status", "ban_expires", "email_verified", "two_factor", "created_at"],
    iterateUsers(query),
    (user) => [
      user.id,
      user.name,
      user.email,
      user.role,
      user.banned ? "banned" : "active",
      user.banExpires,
      user.emailVerified,
      user.twoFactorEnabled,
      user.createdAt,
    ],
  );
});
