import { describe, expect, it } from "vitest";
import { createTableSearchParams, multiFilter, singleFilter } from "./search-params";
import {
  columnFiltersToPatch,
  filtersToColumnFilters,
  getIsFiltered,
  getNextSort,
  getQueryKey,
  getRowRange,
  getUrlPatch,
} from "./table-state";

describe("getUrlPatch (page reset)", () => {
  it("moves between pages without touching anything else", () => {
    expect(getUrlPatch({ type: "page", page: 4 })).toEqual({ page: 4 });
    expect(getUrlPatch({ type: "page", page: 1 })).toEqual({ page: null });
    expect(getUrlPatch({ type: "page", page: 0 })).toEqual({ page: null });
  });

  it("resets the page when search, filters, sort or page size change", () => {
    expect(getUrlPatch({ type: "search", search: "ada" })).toEqual({ search: "ada", page: null });
    expect(getUrlPatch({ type: "filter", key: "role", value: ["admin"] })).toEqual({ role: ["admin"], page: null });
    expect(getUrlPatch({ type: "filter", key: "status", value: "banned" })).toEqual({ status: "banned", page: null });
    expect(getUrlPatch({ type: "sort", sort: { id: "email", desc: false } })).toEqual({
      sort: { id: "email", desc: false },
      page: null,
    });
    expect(getUrlPatch({ type: "perPage", perPage: 50 })).toEqual({ perPage: 50, page: null });
  });

  it("removes empty search and filters from the URL", () => {
    expect(getUrlPatch({ type: "search", search: "" })).toEqual({ search: null, page: null });
    expect(getUrlPatch({ type: "search", search: " " })).toEqual({ search: " ", page: null });
    expect(getUrlPatch({ type: "filter", key: "role", value: [] })).toEqual({ role: null, page: null });
    expect(getUrlPatch({ type: "filter", key: "status", value: null })).toEqual({ status: null, page: null });
  });

  it("keeps the untrimmed search while typing but caps its length", () => {
    expect(getUrlPatch({ type: "search", search: "ada " })).toEqual({ search: "ada ", page: null });
    expect((getUrlPatch({ type: "search", search: "x".repeat(300) }).search as string).length).toBe(100);
    expect(getUrlPatch({ type: "search", search: "😀".repeat(101) }).search).toBe("😀".repeat(100));
  });

  it("reset clears search, page and every filter", () => {
    expect(getUrlPatch({ type: "reset", filterKeys: ["role", "status"] })).toEqual({
      search: null,
      page: null,
      role: null,
      status: null,
    });
  });
});

describe("getNextSort", () => {
  const byCreatedDesc = { id: "createdAt", desc: true } as const;

  it("cycles another column asc → desc → none (default)", () => {
    const asc = getNextSort(byCreatedDesc, "email", byCreatedDesc);
    expect(asc).toEqual({ id: "email", desc: false });
    const desc = getNextSort(asc, "email", byCreatedDesc);
    expect(desc).toEqual({ id: "email", desc: true });
    expect(getNextSort(desc, "email", byCreatedDesc)).toBeNull();
  });

  it("toggles asc ↔ desc on the column owning the default sort", () => {
    const asc = getNextSort(byCreatedDesc, "createdAt", byCreatedDesc);
    expect(asc).toEqual({ id: "createdAt", desc: false });
    expect(getNextSort(asc, "createdAt", byCreatedDesc)).toEqual({ id: "createdAt", desc: true });
  });

  it("skips desc when the default sort is the column ascending", () => {
    const byNameAsc = { id: "name", desc: false } as const;
    expect(getNextSort(byNameAsc, "name", byNameAsc)).toEqual({ id: "name", desc: true });
    expect(getNextSort({ id: "name", desc: true }, "name", byNameAsc)).toBeNull();
  });

  it("works without a default sort", () => {
    expect(getNextSort(null, "email", null)).toEqual({ id: "email", desc: false });
    expect(getNextSort({ id: "email", desc: true }, "email", null)).toBeNull();
  });
});

describe("column filter mapping", () => {
  const defs = { role: multiFilter(["user", "admin"]), status: singleFilter(["active", "banned"]) };

  it("exposes only active filters as column filters", () => {
    expect(filtersToColumnFilters({ role: ["admin"], status: null })).toEqual([{ id: "role", value: ["admin"] }]);
    expect(filtersToColumnFilters({ role: [], status: "banned" })).toEqual([{ id: "status", value: "banned" }]);
  });

  it("writes declared keys back, validated, and resets the page", () => {
    expect(
      columnFiltersToPatch(
        [
          { id: "role", value: ["admin", "root"] },
          { id: "other", value: "x" },
        ],
        defs,
      ),
    ).toEqual({ page: null, role: ["admin"], status: null });
    expect(columnFiltersToPatch([{ id: "role", value: "user" }], defs)).toEqual({
      page: null,
      role: ["user"],
      status: null,
    });
  });
});

describe("getIsFiltered / getQueryKey / getRowRange", () => {
  const table = createTableSearchParams({
    sortable: ["email"],
    defaultSort: "email.asc",
    filters: { role: multiFilter(["user", "admin"]) },
  });

  it("detects active search or filters", () => {
    expect(getIsFiltered({ search: " ", filters: { role: [] } })).toBe(false);
    expect(getIsFiltered({ search: "a", filters: { role: [] } })).toBe(true);
    expect(getIsFiltered({ search: "", filters: { role: ["user"] } })).toBe(true);
  });

  it("changes the query key with the query, not with trailing spaces", () => {
    const base = table.parse({});
    expect(getQueryKey({ ...base, search: "ada " })).toBe(getQueryKey({ ...base, search: "ada" }));
    expect(getQueryKey({ ...base, page: 2 })).not.toBe(getQueryKey(base));
    expect(getQueryKey({ ...base, filters: { role: ["user"] } })).not.toBe(getQueryKey(base));
  });

  it("computes the visible row range", () => {
    expect(getRowRange(1, 20, 20)).toEqual({ from: 1, to: 20 });
    expect(getRowRange(3, 20, 7)).toEqual({ from: 41, to: 47 });
    expect(getRowRange(1, 20, 0)).toEqual({ from: 0, to: 0 });
  });
});
