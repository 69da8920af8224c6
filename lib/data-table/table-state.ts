/**
 * Pure state transitions of the data table (no React): which URL keys a user action writes, the sort cycle, and the
 * mapping between URL filters and TanStack column filters. `useDataTable` applies these with nuqs.
 */
import {
  type FilterDefs,
  isFilterActive,
  parseSearch,
  type SortValue,
  sortEquals,
  type TableSearchParamsState,
} from "./search-params";

/** Flat URL update: parser key → new value, `null` = remove the key (its default applies). */
export type UrlPatch = Record<string, unknown>;

export type TableChange =
  | { type: "page"; page: number }
  | { type: "perPage"; perPage: number }
  | { type: "sort"; sort: SortValue | null }
  | { type: "search"; search: string }
  | { type: "filter"; key: string; value: string | readonly string[] | null }
  | { type: "reset"; filterKeys: readonly string[] };

/**
 * The URL patch for one user action. Everything except moving between pages sends the user back to page 1 (a removed
 * `page` key): the old page number is meaningless once the result set or its order changes.
 */
export function getUrlPatch(change: TableChange): UrlPatch {
  switch (change.type) {
    case "page":
      return { page: Number.isInteger(change.page) && change.page > 1 ? change.page : null };
    case "perPage":
      return { perPage: change.perPage, page: null };
    case "sort":
      return { sort: change.sort, page: null };
    case "search": {
      const search = parseSearch(change.search);
      // Untrimmed on purpose: the box shows this value back, and trimming would eat the space being typed. The server
      // trims (`parse()`), so a blank search matches everything.
      return { search: search === "" ? null : search, page: null };
    }
    case "filter": {
      const value = Array.isArray(change.value) ? [...change.value] : change.value;
      return { [change.key]: isFilterActive(value) ? value : null, page: null };
    }
    case "reset":
      return { search: null, page: null, ...Object.fromEntries(change.filterKeys.map((key) => [key, null])) };
  }
}

/**
 * Header click: asc → desc → none (back to the table's default sort). A step that would not change the effective order
 * is skipped, so on the column that owns the default sort the cycle is just asc ↔ desc. Returns null for "none".
 */
export function getNextSort<TColumn extends string>(
  current: SortValue<TColumn> | null,
  columnId: TColumn,
  defaultSort: SortValue<TColumn> | null,
): SortValue<TColumn> | null {
  const steps: Array<SortValue<TColumn> | null> = [{ id: columnId, desc: false }, { id: columnId, desc: true }, null];
  const effective = (sort: SortValue<TColumn> | null) => sort ?? defaultSort;
  const currentStep = current?.id === columnId ? (current.desc ? 1 : 0) : 2;
  for (let offset = 1; offset <= steps.length; offset++) {
    const candidate = steps[(currentStep + offset) % steps.length] ?? null;
    if (!sortEquals(effective(candidate), effective(current))) return candidate;
  }
  return null;
}

/** Active URL filters as TanStack `columnFilters` (so `column.getFilterValue()` reflects the URL). */
export function filtersToColumnFilters(
  filters: Readonly<Record<string, unknown>>,
): Array<{ id: string; value: unknown }> {
  return Object.entries(filters)
    .filter(([, value]) => isFilterActive(value))
    .map(([id, value]) => ({ id, value }));
}

/** TanStack `columnFilters` → URL patch for the declared filter keys (others are ignored); resets the page. */
export function columnFiltersToPatch(
  columnFilters: ReadonlyArray<{ id: string; value: unknown }>,
  defs: FilterDefs,
): UrlPatch {
  const patch: UrlPatch = { page: null };
  for (const [key, def] of Object.entries(defs)) {
    const value = columnFilters.find((filter) => filter.id === key)?.value;
    if (def.kind === "multi") {
      const list = (Array.isArray(value) ? value : [value]).filter(
        (item): item is string => typeof item === "string" && def.values.includes(item),
      );
      patch[key] = list.length > 0 ? list : null;
    } else {
      patch[key] = typeof value === "string" && def.values.includes(value) ? value : null;
    }
  }
  return patch;
}

/** Whether search or any filter narrows the result set. */
export function getIsFiltered(state: { search: string; filters: Readonly<Record<string, unknown>> }): boolean {
  return state.search.trim() !== "" || Object.values(state.filters).some(isFilterActive);
}

/** Identity of the query behind the current rows; row selection is cleared whenever it changes. */
export function getQueryKey<TColumn extends string, TFilters extends FilterDefs>(
  state: TableSearchParamsState<TColumn, TFilters>,
): string {
  return JSON.stringify([
    state.page,
    state.perPage,
    state.sort.id,
    state.sort.desc,
    state.search.trim(),
    state.filters,
  ]);
}

/** "1–20 of 1,234" style range for the pagination text; `rowCount` may be unknown. */
export function getRowRange(page: number, perPage: number, rowsOnPage: number): { from: number; to: number } {
  if (rowsOnPage <= 0) return { from: 0, to: 0 };
  const from = (page - 1) * perPage + 1;
  return { from, to: from + rowsOnPage - 1 };
}
