// One URL value of a table at a time: page, page size, sort and filters, each parsed without throwing (anything
// invalid is null, and its default applies).
import {
  MAX_PAGE,
  type MultiFilterDef,
  PER_PAGE_OPTIONS,
  type SingleFilterDef,
  type SortValue,
} from "./search-params-types";

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

/** Whether a filter value restricts anything (non-null single, non-empty multi). */
export function isFilterActive(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
}
