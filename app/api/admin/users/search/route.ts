import { z } from "zod";
import { searchUsers } from "@/db/queries/users";
import { routeHandler } from "@/lib/auth/entry";
import { parseSearch } from "@/lib/data-table/search-text";

// Any text is a search (kept to the tables' cap, made well-formed): it finds users or nobody, never an error.
const querySchema = z.object({ q: z.string().catch("").transform(parseSearch) });

/** How many users the command palette lists for a search. */
const LIMIT = 8;

/**
 * GET /api/admin/users/search?q= — the first users the /admin/users search finds (id, name, email), for the command
 * palette of operators and support. Everyone else, impersonators included, gets 403; an empty search finds nobody.
 */
export const GET = routeHandler("api.admin.users_search", async ({ request }) => {
  const { q } = querySchema.parse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  return Response.json({ users: await searchUsers(q, LIMIT) }, { headers: { "cache-control": "no-store" } });
});
