"use client";

import {
  type ColumnFiltersState,
  functionalUpdate,
  type OnChangeFn,
  type PaginationState,
  type RowData,
  type RowSelectionState,
  type SortingState,
  useTable,
} from "@tanstack/react-table";
import { debounce, type Options, useQueryStates } from "nuqs";
import { useCallback, useMemo, useState, useTransition } from "react";
import type {
  FilterDefs,
  FilterValue,
  SortValue,
  TableSearchParams,
  TableSearchParamsState,
} from "@/lib/data-table/search-params";
import {
  columnFiltersToPatch,
  filtersToColumnFilters,
  getIsFiltered,
  getQueryKey,
  getUrlPatch,
  type TableChange,
  type UrlPatch,
} from "@/lib/data-table/table-state";
import { type DataTableColumnDef, type DataTableInstance, type DataTableRow, dataTableFeatures } from "./features";

export const SEARCH_DEBOUNCE_MS = 300;

export interface UseDataTableOptions<TData extends RowData, TColumn extends string, TFilters extends FilterDefs> {
  /** The rows of the current page, as queried by the server page. */
  data: ReadonlyArray<TData>;
  // TanStack's `columnHelper.columns([...])` returns ColumnDef<…, any> so each column keeps its own value type.
  // biome-ignore lint/suspicious/noExplicitAny: typed accessor columns are not assignable to ColumnDef<…, unknown>
  columns: ReadonlyArray<DataTableColumnDef<TData, any>>;
  /** The object from `createTableSearchParams` (same parsers as the server page). */
  searchParams: TableSearchParams<TColumn, TFilters>;
  /** Total pages; pass this or `rowCount`. `-1` = unknown (next page always enabled). */
  pageCount?: number;
  /** Total rows matching the query; gives "Page X of Y" and the row total. */
  rowCount?: number;
  /** Instead of `rowCount` when the server stopped counting: at least this many rows match. */
  rowCountAtLeast?: number;
  /** Stable row ids (e.g. `(user) => user.id`); selection is keyed by them. Defaults to the row index. */
  getRowId?: (row: TData, index: number) => string;
  /** Enables the selection checkboxes (`getSelectColumn()`); a function decides per row. Default false. */
  enableRowSelection?: boolean | ((row: DataTableRow<TData>) => boolean);
  /** Delay before typing in the search box reaches the URL (and the server). Default 300 ms. */
  searchDebounceMs?: number;
}

export interface DataTableController<TData extends RowData, TColumn extends string, TFilters extends FilterDefs> {
  table: DataTableInstance<TData>;
  /** URL state, structured (search untrimmed while typing). */
  state: TableSearchParamsState<TColumn, TFilters>;
  searchParams: TableSearchParams<TColumn, TFilters>;
  /** A URL change is being rendered on the server. */
  isPending: boolean;
  /** Search or any filter is active. */
  isFiltered: boolean;
  /** Debounced, `history: "replace"`, back to page 1; capped at `MAX_SEARCH_LENGTH` code points. */
  setSearch: (search: string) => void;
  /** Back to page 1; `null` or `[]` clears the filter. */
  setFilter: <TKey extends keyof TFilters & string>(key: TKey, value: FilterValue<TFilters[TKey]> | null) => void;
  /** `null` = the default sort. Back to page 1. */
  setSort: (sort: SortValue<TColumn> | null) => void;
  setPage: (page: number) => void;
  /** Back to page 1. */
  setPerPage: (perPage: number) => void;
  /** Clears search and every filter. */
  resetFilters: () => void;
  /** Ids (`getRowId`) of the selected rows on this page; selection is cleared whenever the query changes. */
  selectedRowIds: string[];
  /** The selected rows' data (all on the current page). */
  selectedRows: TData[];
  clearSelection: () => void;
}

/**
 * A server's capped count as `useDataTable` takes it: the total while it was counted, or "at least" once it stopped
 * ("1–20 of 200+ rows", no last page).
 */
export function countedRows({ rowCount, capped }: { rowCount: number; capped: boolean }) {
  return capped ? { rowCountAtLeast: rowCount } : { rowCount };
}

/**
 * The table state lives in the URL (nuqs, `shallow: false`): every change re-renders the server page, which queries
 * the page of rows and passes it back as `data`. TanStack Table runs in manual mode and only renders.
 */
export function useDataTable<TData extends RowData, TColumn extends string, TFilters extends FilterDefs>(
  options: UseDataTableOptions<TData, TColumn, TFilters>,
): DataTableController<TData, TColumn, TFilters> {
  const {
    data,
    columns,
    searchParams,
    pageCount,
    rowCount,
    rowCountAtLeast,
    getRowId,
    enableRowSelection = false,
    searchDebounceMs = SEARCH_DEBOUNCE_MS,
  } = options;
  const [isPending, startTransition] = useTransition();
  const [values, setValues] = useQueryStates(searchParams.parsers, {
    urlKeys: searchParams.urlKeys,
    shallow: false,
    history: "push",
    scroll: false,
    startTransition,
  });
  // `values` is typed through generic mapped types TypeScript cannot resolve here; `toState` re-checks every key.
  const state = useMemo(() => searchParams.toState(values as Record<string, unknown>), [searchParams, values]);

  const apply = useCallback(
    (patch: UrlPatch, updateOptions?: Options) => {
      // The patch only holds keys of `parsers` with values valid for them (built by lib/data-table/table-state).
      void setValues(patch as Parameters<typeof setValues>[0], updateOptions);
    },
    [setValues],
  );
  const change = useCallback((tableChange: TableChange) => apply(getUrlPatch(tableChange)), [apply]);

  const setSearch = useCallback(
    (search: string) => {
      const clearing = search === "";
      apply(getUrlPatch({ type: "search", search }), {
        history: "replace",
        // Clearing the box applies at once; typing waits for a pause.
        limitUrlUpdates: clearing ? undefined : debounce(searchDebounceMs),
      });
    },
    [apply, searchDebounceMs],
  );
  const setFilter = useCallback(
    <TKey extends keyof TFilters & string>(key: TKey, value: FilterValue<TFilters[TKey]> | null) =>
      change({ type: "filter", key, value }),
    [change],
  );
  const setSort = useCallback((sort: SortValue<TColumn> | null) => change({ type: "sort", sort }), [change]);
  const setPage = useCallback((page: number) => change({ type: "page", page }), [change]);
  const setPerPage = useCallback((perPage: number) => change({ type: "perPage", perPage }), [change]);
  const resetFilters = useCallback(
    () => change({ type: "reset", filterKeys: Object.keys(searchParams.filters) }),
    [change, searchParams.filters],
  );

  // Selection belongs to the rows on screen: a new query (page, sort, search, filters) starts with none, so bulk
  // actions never act on rows the user cannot see.
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const queryKey = getQueryKey(state);
  const [selectionQueryKey, setSelectionQueryKey] = useState(queryKey);
  if (selectionQueryKey !== queryKey) {
    setSelectionQueryKey(queryKey);
    setRowSelection({});
  }

  const pagination = useMemo<PaginationState>(
    () => ({ pageIndex: state.page - 1, pageSize: state.perPage }),
    [state.page, state.perPage],
  );
  const sorting = useMemo<SortingState>(() => [{ id: state.sort.id, desc: state.sort.desc }], [state.sort]);
  const columnFilters = useMemo<ColumnFiltersState>(() => filtersToColumnFilters(state.filters), [state.filters]);

  const onPaginationChange: OnChangeFn<PaginationState> = (updater) => {
    const next = functionalUpdate(updater, pagination);
    if (next.pageSize !== pagination.pageSize) setPerPage(next.pageSize);
    else if (next.pageIndex !== pagination.pageIndex) setPage(next.pageIndex + 1);
  };
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const first = functionalUpdate(updater, sorting)[0];
    if (!first) return setSort(null);
    const column = searchParams.sortable.find((id) => id === first.id);
    if (column !== undefined) setSort({ id: column, desc: first.desc });
  };
  const onColumnFiltersChange: OnChangeFn<ColumnFiltersState> = (updater) => {
    apply(columnFiltersToPatch(functionalUpdate(updater, columnFilters), searchParams.filters));
  };

  const table = useTable({
    features: dataTableFeatures,
    data,
    columns,
    getRowId,
    state: { pagination, sorting, columnFilters, rowSelection },
    onPaginationChange,
    onSortingChange,
    onColumnFiltersChange,
    onRowSelectionChange: setRowSelection,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount: pageCount ?? (rowCount === undefined ? -1 : undefined),
    rowCount,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableRowSelection,
    enableMultiRowSelection: true,
    meta: {
      defaultSort: searchParams.defaultSort,
      sortable: searchParams.sortable,
      perPageOptions: searchParams.perPageOptions,
      isPending,
      rowCountAtLeast,
    },
  });

  const selected = table.getRowModel().rows.filter((row) => rowSelection[row.id]);

  return {
    table,
    state,
    searchParams,
    isPending,
    isFiltered: getIsFiltered(state),
    setSearch,
    setFilter,
    setSort,
    setPage,
    setPerPage,
    resetFilters,
    selectedRowIds: selected.map((row) => row.id),
    selectedRows: selected.map((row) => row.original),
    clearSelection: () => setRowSelection({}),
  };
}
