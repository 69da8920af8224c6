/**
 * URL state of a server-driven table, shared by the server page (parse the `searchParams` prop) and the client table
 * (`useDataTable` binds the same parsers to the URL with nuqs). No "use client": import it from both sides.
 *
 * Keys: `page` (1-based), `perPage` (10/20/50/100), `sort` (`"<column>.<asc|desc>"`), `search` and one key per
 * caller-defined filter (a single enum value, or a comma list of enum values). Invalid values fall back to defaults;
 * nothing here throws on user input.
 */
import {
  createLoader,
  createParser,
  createSerializer,
  type inferParserType,
  type Nullable,
  type SingleParserBuilder,
  type UrlKeys,
} from "nuqs/server";

export const PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;
export const DEFAULT_PER_PAGE = 20;
/**
 * Longest search, in code points (what a person counts as characters): the box says so once it is reached. Searches
 * match with `instr()` and FTS5 rather than LIKE, so the cap is about what a search box is for, not D1's 50-byte LIKE
 * pattern limit.
 */
export const MAX_SEARCH_LENGTH = 100;
/** Largest accepted `page`; beyond it the value is treated as invalid (falls back to 1). */
export const MAX_PAGE = 1_000_000;
/** URL keys used by the table itself; filter keys must not reuse them. */
export const RESERVED_KEYS = ["page", "perPage", "sort", "search"] as const;

export type ReservedKey = (typeof RESERVED_KEYS)[number];
export type SortDirection = "asc" | "desc";
/** The URL form of a sort: `"createdAt.desc"`. */
export type SortString<TColumn extends string = string> = `${TColumn}.${SortDirection}`;
/** A parsed sort, shaped like TanStack's `ColumnSort`. */
export interface SortValue<TColumn extends string = string> {
  readonly id: TColumn;
  readonly desc: boolean;
}

export interface SingleFilterDef<TValue extends string = string> {
  readonly kind: "single";
  readonly values: readonly TValue[];
}
export interface MultiFilterDef<TValue extends string = string> {
  readonly kind: "multi";
  readonly values: readonly TValue[];
}
export type FilterDef = SingleFilterDef | MultiFilterDef;
export type FilterDefs = Record<string, FilterDef>;
/** No caller filters. */
export type NoFilters = Record<never, FilterDef>;

/** `V | null` for a single filter (null = no filter), `V[]` for a multi filter (empty = no filter). */
export type FilterValue<F extends FilterDef> =
  F extends MultiFilterDef<infer V> ? V[] : F extends SingleFilterDef<infer V> ? V | null : never;
/** The values a filter accepts (`"admin" | "user"`). */
export type FilterOptionValue<F extends FilterDef> = F extends { readonly values: readonly (infer V)[] } ? V : never;
export type FilterValues<TFilters extends FilterDefs> = { [K in keyof TFilters]: FilterValue<TFilters[K]> };

type ParserWithDefault<T> = ReturnType<SingleParserBuilder<T>["withDefault"]>;
export type FilterParser<F extends FilterDef> =
  F extends MultiFilterDef<infer V>
    ? ParserWithDefault<V[]>
    : F extends SingleFilterDef<infer V>
      ? SingleParserBuilder<V>
      : never;

/** The nuqs parser map: pass it to `useQueryStates`, `createLoader`, `createSearchParamsCache`. */
export type TableParsers<TColumn extends string, TFilters extends FilterDefs> = {
  page: ParserWithDefault<number>;
  perPage: ParserWithDefault<number>;
  sort: ParserWithDefault<SortValue<TColumn>>;
  search: ParserWithDefault<string>;
} & { [K in keyof TFilters]: FilterParser<TFilters[K]> };

/** The table's URL state, structured. */
export interface TableSearchParamsState<TColumn extends string, TFilters extends FilterDefs> {
  /** 1-based. */
  page: number;
  perPage: number;
  sort: SortValue<TColumn>;
  /** Trimmed by `parse()` (server); untrimmed while typing on the client. */
  search: string;
  filters: FilterValues<TFilters>;
}

export interface ParsedTableSearchParams<TColumn extends string, TFilters extends FilterDefs>
  extends TableSearchParamsState<TColumn, TFilters> {
  /** `(page - 1) * perPage`, for `.limit(perPage).offset(offset)`. */
  offset: number;
}

/** A partial update of the flat URL values; `null` removes a key (back to its default). */
export type TableSearchParamsPatch<TColumn extends string, TFilters extends FilterDefs> = Partial<
  Nullable<inferParserType<TableParsers<TColumn, TFilters>>>
>;

export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

export interface TableSearchParams<TColumn extends string, TFilters extends FilterDefs> {
  readonly parsers: TableParsers<TColumn, TFilters>;
  /** URL key per parser key (identity unless `urlKeyPrefix` was given). */
  readonly urlKeys: UrlKeys<TableParsers<TColumn, TFilters>>;
  readonly sortable: readonly TColumn[];
  readonly defaultSort: SortValue<TColumn>;
  readonly perPageOptions: readonly number[];
  readonly defaultPerPage: number;
  readonly filters: TFilters;
  /** Parse the page's (awaited) `searchParams`. Never throws. */
  parse(searchParams: SearchParamsInput): ParsedTableSearchParams<TColumn, TFilters>;
  /** Structure flat parser values (from `useQueryStates` or a loader); anything invalid becomes its default. */
  toState(values: Readonly<Record<string, unknown>>): TableSearchParamsState<TColumn, TFilters>;
  /** Build a query string (`"?page=2&role=admin"`), e.g. for links into a filtered table. */
  serialize(values: TableSearchParamsPatch<TColumn, TFilters>): string;
}

export interface CreateTableSearchParamsOptions<
  TSortable extends readonly string[],
  TFilters extends FilterDefs & { [K in ReservedKey]?: never },
> {
  /** Columns the server can sort by; any other `sort` value falls back to `defaultSort`. */
  sortable: TSortable;
  defaultSort: SortString<TSortable[number]>;
  /** Keyed by URL key. Declare with `singleFilter([...])` / `multiFilter([...])`. */
  filters?: TFilters;
  /** Default `[10, 20, 50, 100]`. */
  perPageOptions?: readonly number[];
  /** Default 20 (must be one of `perPageOptions`). */
  defaultPerPage?: number;
  /** Prefix every URL key (e.g. `"inv_"` → `inv_page`), for two tables on one page. */
  urlKeyPrefix?: string;
}

/** A filter holding at most one of `values` (`?status=banned`). */
export function singleFilter<const TValue extends string>(values: readonly TValue[]): SingleFilterDef<TValue> {
  return { kind: "single", values };
}

/** A filter holding any subset of `values`, as a comma list (`?role=admin,owner`). */
export function multiFilter<const TValue extends string>(values: readonly TValue[]): MultiFilterDef<TValue> {
  return { kind: "multi", values };
}

/** `"1"`…`"1000000"` → number; anything else (0, negative, decimals, junk) → null. */
export function parsePage(value: string): number | null {
  if (!/^[0-9]{1,7}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}

/** An allowed size → itself; a larger integer → the largest allowed size (capped); anything else → null. */
export function parsePerPage(value: string, options: readonly number[] = PER_PAGE_OPTIONS): number | null {
  if (!/^[0-9]{1,9}$/.test(value)) return null;
  const perPage = Number(value);
  if (options.includes(perPage)) return perPage;
  const max = Math.max(...options);
  return perPage > max ? max : null;
}

/** `"email.asc"` → `{ id: "email", desc: false }` when `email` is sortable; otherwise null. */
export function parseSort<TColumn extends string>(
  value: string,
  sortable: readonly TColumn[],
): SortValue<TColumn> | null {
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = value.slice(0, dot);
  const direction = value.slice(dot + 1);
  if (direction !== "asc" && direction !== "desc") return null;
  const column = sortable.find((candidate) => candidate === id);
  return column === undefined ? null : { id: column, desc: direction === "desc" };
}

export function serializeSort(sort: SortValue): string {
  return `${sort.id}.${sort.desc ? "desc" : "asc"}`;
}

export function sortEquals(a: SortValue | null | undefined, b: SortValue | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.id === b.id && a.desc === b.desc;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every lone surrogate replaced by U+FFFD (`String.prototype.toWellFormed`, which older browsers lack). */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** How many code points `text` has (an emoji is one, not two UTF-16 units). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** The first `max` code points of `text`: never cuts a surrogate pair in half, as `slice` by UTF-16 units would. */
export function sliceCodePoints(text: string, max: number): string {
  let end = 0;
  let taken = 0;
  // Walks only as far as the cap, so a huge value costs no more than a short one.
  for (const point of text) {
    if (taken === max) break;
    end += point.length;
    taken++;
  }
  return text.slice(0, end);
}

/**
 * Keeps at most `MAX_SEARCH_LENGTH` code points, well-formed (no lone surrogate reaches a query). Does not trim
 * (trimming while typing would eat spaces).
 */
export function parseSearch(value: string): string {
  return toWellFormed(sliceCodePoints(value, MAX_SEARCH_LENGTH));
}

/** Whether a search has reached the cap (the box then says that longer text is not searched). */
export function isSearchAtLimit(search: string): boolean {
  return codePointLength(search) >= MAX_SEARCH_LENGTH;
}

/** Comma list → the allowed values it contains, deduplicated, in URL order; null if none. */
export function parseMultiFilter<TValue extends string>(value: string, allowed: readonly TValue[]): TValue[] | null {
  const result: TValue[] = [];
  for (const part of value.split(",")) {
    const match = allowed.find((candidate) => candidate === part.trim());
    if (match !== undefined && !result.includes(match)) result.push(match);
  }
  return result.length > 0 ? result : null;
}

export function parseSingleFilter<TValue extends string>(value: string, allowed: readonly TValue[]): TValue | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

function arraysEqual(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Whether a filter value restricts anything (non-null single, non-empty multi). */
export function isFilterActive(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
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
