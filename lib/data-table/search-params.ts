/**
 * URL state of a server-driven table, shared by the server page (parse the `searchParams` prop) and the client table
 * (`useDataTable` binds the same parsers to the URL with nuqs). No "use client": import it from both sides.
 *
 * Keys: `page` (1-based), `perPage` (10/20/50/100), `sort` (`"<column>.<asc|desc>"`), `search` and one key per
 * caller-defined filter (a single enum value, or a comma list of enum values). Invalid values fall back to defaults;
 * nothing here throws on user input.
 */
import { createLoader, createParser, createSerializer, type UrlKeys } from "nuqs/server";
import {
  type CreateTableSearchParamsOptions,
  DEFAULT_PER_PAGE,
  type FilterDef,
  type FilterDefs,
  type FilterValues,
  MAX_PAGE,
  type NoFilters,
  type ParsedTableSearchParams,
  PER_PAGE_OPTIONS,
  RESERVED_KEYS,
  type ReservedKey,
  type SearchParamsInput,
  type SortValue,
  type TableParsers,
  type TableSearchParams,
  type TableSearchParamsPatch,
  type TableSearchParamsState,
} from "./search-params-types";
import { parseSearch } from "./search-text";
import {
  parseMultiFilter,
  parsePage,
  parsePerPage,
  parseSingleFilter,
  parseSort,
  serializeSort,
  sortEquals,
} from "./url-values";

export * from "./search-params-types";
export * from "./search-text";
export * from "./url-values";

function arraysEqual(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function filterParser(def: FilterDef) {
  if (def.kind === "multi") {
    return createParser<string[]>({
      parse: (value) => parseMultiFilter(value, def.values),
      serialize: (value) => value.join(","),
      eq: arraysEqual,
    }).withDefault([]);
  }
  return createParser<string>({
    parse: (value) => parseSingleFilter(value, def.values),
    serialize: (value) => value,
  });
}

/**
 * Declare a table's URL state once; use `parse` in the server page and pass the whole object to `useDataTable`.
 *
 * @example
 * export const usersSearchParams = createTableSearchParams({
 *   sortable: ["name", "email", "createdAt"],
 *   defaultSort: "createdAt.desc",
 *   filters: { role: multiFilter(["user", "admin"]), status: singleFilter(["active", "banned"]) },
 * });
 * const { page, perPage, offset, sort, search, filters } = usersSearchParams.parse(await props.searchParams);
 */
export function createTableSearchParams<
  const TSortable extends readonly string[],
  const TFilters extends FilterDefs & { [K in ReservedKey]?: never } = NoFilters,
>(options: CreateTableSearchParamsOptions<TSortable, TFilters>): TableSearchParams<TSortable[number], TFilters> {
  type TColumn = TSortable[number];
  const sortable: readonly TColumn[] = options.sortable;
  const filters = (options.filters ?? {}) as TFilters;
  const perPageOptions = options.perPageOptions ?? PER_PAGE_OPTIONS;
  const defaultPerPage =
    options.defaultPerPage !== undefined && perPageOptions.includes(options.defaultPerPage)
      ? options.defaultPerPage
      : perPageOptions.includes(DEFAULT_PER_PAGE)
        ? DEFAULT_PER_PAGE
        : (perPageOptions[0] ?? DEFAULT_PER_PAGE);
  const parsedDefaultSort = parseSort(options.defaultSort, sortable);
  const firstSortable = sortable[0];
  if (!parsedDefaultSort && firstSortable === undefined) {
    throw new Error("createTableSearchParams: `sortable` must list at least one column");
  }
  // A defaultSort outside `sortable` is a programming error the types already reject; fall back to the first column.
  const defaultSort: SortValue<TColumn> = parsedDefaultSort ?? { id: firstSortable as TColumn, desc: false };
  for (const key of Object.keys(filters)) {
    if ((RESERVED_KEYS as readonly string[]).includes(key)) {
      throw new Error(`createTableSearchParams: filter key "${key}" is reserved`);
    }
  }

  const base = {
    page: createParser<number>({ parse: parsePage, serialize: String }).withDefault(1),
    perPage: createParser<number>({
      parse: (value) => parsePerPage(value, perPageOptions),
      serialize: String,
    }).withDefault(defaultPerPage),
    sort: createParser<SortValue<TColumn>>({
      parse: (value) => parseSort(value, sortable),
      serialize: serializeSort,
      eq: sortEquals,
    }).withDefault(defaultSort),
    search: createParser<string>({ parse: parseSearch, serialize: (value) => value }).withDefault(""),
  };
  const filterParsers = Object.fromEntries(Object.entries(filters).map(([key, def]) => [key, filterParser(def)]));
  // The runtime map matches `TableParsers` key for key; the mapped filter types cannot be inferred from Object.entries.
  const parsers = { ...filterParsers, ...base } as unknown as TableParsers<TColumn, TFilters>;

  const prefix = options.urlKeyPrefix ?? "";
  const urlKeys = Object.fromEntries(Object.keys(parsers).map((key) => [key, `${prefix}${key}`])) as UrlKeys<
    TableParsers<TColumn, TFilters>
  >;

  const load = createLoader(parsers, { urlKeys });
  const serializer = createSerializer(parsers, { urlKeys });

  function toState(values: Readonly<Record<string, unknown>>): TableSearchParamsState<TColumn, TFilters> {
    const page = values.page;
    const perPage = values.perPage;
    const sort = values.sort;
    const search = values.search;
    const filterValues: Record<string, string | string[] | null> = {};
    for (const [key, def] of Object.entries(filters)) {
      const value = values[key];
      if (def.kind === "multi") {
        filterValues[key] = Array.isArray(value)
          ? value.filter((item): item is string => typeof item === "string" && def.values.includes(item))
          : [];
      } else {
        filterValues[key] = typeof value === "string" && def.values.includes(value) ? value : null;
      }
    }
    const validSort =
      typeof sort === "object" && sort !== null && "id" in sort && "desc" in sort
        ? parseSort(serializeSort(sort as SortValue), sortable)
        : null;
    return {
      page: typeof page === "number" && Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
      perPage: typeof perPage === "number" && perPageOptions.includes(perPage) ? perPage : defaultPerPage,
      sort: validSort ?? defaultSort,
      search: typeof search === "string" ? parseSearch(search) : "",
      // Every key of TFilters was filled above with a value valid for its definition.
      filters: filterValues as FilterValues<TFilters>,
    };
  }

  function parse(searchParams: SearchParamsInput): ParsedTableSearchParams<TColumn, TFilters> {
    let values: Record<string, unknown>;
    try {
      values = load(searchParams) as Record<string, unknown>;
    } catch {
      values = {};
    }
    const state = toState(values);
    return { ...state, search: state.search.trim(), offset: (state.page - 1) * state.perPage };
  }

  function serialize(values: TableSearchParamsPatch<TColumn, TFilters>): string {
    return serializer(values);
  }

  return {
    parsers,
    urlKeys,
    sortable,
    defaultSort,
    perPageOptions,
    defaultPerPage,
    filters,
    parse,
    toState,
    serialize,
  };
}
