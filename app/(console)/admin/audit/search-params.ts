// URL state of /admin/audit: the table's own keys plus the trail's filters (actor, target, action, organization,
// date range). Shared by the page, the table, the filter form and the CSV export route.
import { createLoader, parseAsIsoDate, parseAsString } from "nuqs/server";
import type { AuditFilter } from "@/db/queries/audit";
import { createTableSearchParams, sliceCodePoints, toWellFormed } from "@/lib/data-table/search-params";

export const auditSearchParams = createTableSearchParams({
  sortable: ["at"],
  defaultSort: "at.desc",
  perPageOptions: [20, 50, 100],
  defaultPerPage: 50,
});

/** Free-text filters: people by email or id, organization by slug or id, action exact or "prefix.". */
export const auditFilterParsers = {
  actor: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  org: parseAsString.withDefault(""),
  from: parseAsIsoDate,
  to: parseAsIsoDate,
};

const loadAuditFilters = createLoader(auditFilterParsers);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The query's filter for db/queries/audit: `to` is inclusive in the URL (a whole day), exclusive in SQL. */
export function parseAuditFilter(
  searchParams: Record<string, string | string[] | undefined> | URLSearchParams,
): AuditFilter {
  let values: { actor: string; target: string; action: string; org: string; from: Date | null; to: Date | null };
  try {
    values = searchParams instanceof URLSearchParams ? loadAuditFilters(searchParams) : loadAuditFilters(searchParams);
  } catch {
    values = { actor: "", target: "", action: "", org: "", from: null, to: null };
  }
  // Ids, emails, slugs and action names: 200 code points is past any real one. By code points, so no surrogate pair
  // is cut in half.
  const cut = (value: string) => toWellFormed(sliceCodePoints(value.trim(), 200)).trim() || null;
  const search = auditSearchParams.parse(searchParams).search;
  return {
    actor: cut(values.actor),
    target: cut(values.target),
    action: cut(values.action),
    organization: cut(values.org),
    from: values.from,
    to: values.to ? new Date(values.to.getTime() + DAY_MS) : null,
    search: search || null,
  };
}
