import { getDb } from "@/db";
import { iterateUsers } from "@/db/queries/users";
import { auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import { getStaffSession } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv";
import { usersSearchParams } from "../../../../(console)/admin/users/search-params";

/** GET /api/admin/users/export?<the users table's URL>: every user matching the filter as CSV (staff only). */
export async function GET(request: Request) {
  const session = await getStaffSession();
  if (!session) return Response.json({ error: "Forbidden" }, { status: 403 });
  const url = new URL(request.url);
  const query = usersSearchParams.parse(url.searchParams);
  await recordAudit(await getDb(), {
    action: "users.export",
    ...auditActor(session),
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
}
