// The limits and types of a table's URL state (lib/data-table/search-params.ts): no runtime code of nuqs, so the
// search text helpers and the database queries can use them without pulling parsers in.
import type { inferParserType, Nullable, SingleParserBuilder, UrlKeys } from "nuqs/server";

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
