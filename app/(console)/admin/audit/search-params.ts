// URL state of /admin/audit: the table's own keys (search, the action multi-select, the date preset) plus the
// trail's narrowing by person or organization (links from a user's or an organization's page) and an explicit date
// range. Shared by the page, the table, the filter bar and the CSV export route.
import { createLoader, parseAsIsoDate, parseAsString } from "nuqs/server";
import type { AuditFilter } from "@/db/queries/audit";
import { AUDIT_ACTIONS, deniedAction } from "@/lib/audit-actions";
import {
  createTableSearchParams,
  multiFilter,
  singleFilter,
  sliceCodePoints,
  toWellFormed,
} from "@/lib/data-table/search-params";

/** Every action a row may hold, successes and refusals: the values the action filter accepts. */
export const AUDIT_ACTION_VALUES = [...AUDIT_ACTIONS, ...AUDIT_ACTIONS.map(deniedAction)];

/** The date presets: how far back from now. */
export const AUDIT_PERIODS = { "24h": 1, "7d": 7, "30d": 30, "90d": 90 } as const;
export const AUDIT_PERIOD_LABELS: Record<keyof typeof AUDIT_PERIODS, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};

export const auditSearchParams = createTableSearchParams({
  sortable: ["at"],
  defaultSort: "at.desc",
  perPageOptions: [20, 50, 100],
  defaultPerPage: 50,
  filters: {
    action: multiFilter(AUDIT_ACTION_VALUES),
    period: singleFilter(Object.keys(AUDIT_PERIODS) as (keyof typeof AUDIT_PERIODS)[]),
  },
});

/** Narrowing the filter bar shows as removable chips: people by email or id, organization by slug or id. */
export const auditFilterParsers = {
  actor: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  org: parseAsString.withDefault(""),
  from: parseAsIsoDate,
  to: parseAsIsoDate,
};

const loadAuditFilters = createLoader(auditFilterParsers);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The query's filter for db/queries/audit: `to` is inclusive in the URL (a whole day), exclusive in SQL. */
export function parseAuditFilter(
  searchParams: Record<string, string | string[] | undefined> | URLSearchParams,
  now = Date.now(),
): AuditFilter {
  let values: { actor: string; target: string; org: string; from: Date | null; to: Date | null };
  try {
    values = searchParams instanceof URLSearchParams ? loadAuditFilters(searchParams) : loadAuditFilters(searchParams);
  } catch {
    values = { actor: "", target: "", org: "", from: null, to: null };
  }
  // Ids, emails, slugs: 200 code points is past any real one. By code points, so no surrogate pair is cut in half.
  const cut = (value: string) => toWellFormed(sliceCodePoints(value.trim(), 200)).trim() || null;
  const table = auditSearchParams.parse(searchParams);
  const period = table.filters.period;
  const periodFrom = period ? new Date(now - AUDIT_PERIODS[period] * DAY_MS) : null;
  const from = [values.from, periodFrom].filter((date): date is Date => date !== null);
  return {
    actor: cut(values.actor),
    target: cut(values.target),
    actions: table.filters.action.length > 0 ? [...table.filters.action] : null,
    organization: cut(values.org),
    from: from.length > 0 ? new Date(Math.max(...from.map((date) => date.getTime()))) : null,
    to: values.to ? new Date(values.to.getTime() + DAY_MS) : null,
    search: table.search || null,
  };
}
