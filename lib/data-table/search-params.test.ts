import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createTableSearchParams,
  MAX_SEARCH_LENGTH,
  multiFilter,
  parseMultiFilter,
  parsePage,
  parsePerPage,
  parseSort,
  type SortValue,
  singleFilter,
} from "./search-params";

const users = createTableSearchParams({
  sortable: ["name", "email", "createdAt"],
  defaultSort: "createdAt.desc",
  filters: {
    role: multiFilter(["user", "admin", "owner"]),
    status: singleFilter(["active", "banned"]),
  },
});

describe("parsePage", () => {
  it("accepts positive integers", () => {
    expect(parsePage("1")).toBe(1);
    expect(parsePage("42")).toBe(42);
  });
  it("rejects zero, negatives, decimals, junk and huge values", () => {
    for (const value of ["0", "-1", "1.5", "abc", "", " 2", "1e3", "99999999"]) expect(parsePage(value)).toBeNull();
  });
});

describe("parsePerPage", () => {
  it("accepts the allowed sizes", () => {
    for (const value of [10, 20, 50, 100]) expect(parsePerPage(String(value))).toBe(value);
  });
  it("caps larger sizes at the maximum", () => {
    expect(parsePerPage("1000")).toBe(100);
    expect(parsePerPage("101")).toBe(100);
  });
  it("rejects other sizes", () => {
    for (const value of ["0", "30", "-10", "ten", "20.5"]) expect(parsePerPage(value)).toBeNull();
  });
});

describe("parseSort", () => {
  const sortable = ["name", "createdAt", "user.email"] as const;
  it("parses <column>.<direction>", () => {
    expect(parseSort("name.asc", sortable)).toEqual({ id: "name", desc: false });
    expect(parseSort("createdAt.desc", sortable)).toEqual({ id: "createdAt", desc: true });
    expect(parseSort("user.email.desc", sortable)).toEqual({ id: "user.email", desc: true });
  });
  it("rejects unknown columns and directions", () => {
    for (const value of ["password.asc", "name.up", "name", ".asc", "name.", "", "NAME.asc"]) {
      expect(parseSort(value, sortable)).toBeNull();
    }
  });
});

describe("parseMultiFilter", () => {
  it("keeps allowed values once, in order", () => {
    expect(parseMultiFilter("admin,user,admin,root", ["user", "admin"])).toEqual(["admin", "user"]);
  });
  it("returns null when nothing is allowed", () => {
    expect(parseMultiFilter("root,,", ["user", "admin"])).toBeNull();
  });
});

describe("createTableSearchParams().parse", () => {
  it("returns defaults for an empty query", () => {
    expect(users.parse({})).toEqual({
      page: 1,
      perPage: 20,
      offset: 0,
      sort: { id: "createdAt", desc: true },
      search: "",
      filters: { role: [], status: null },
    });
  });

  it("parses every key", () => {
    const parsed = users.parse({
      page: "3",
      perPage: "50",
      sort: "email.asc",
      search: "  ada lovelace ",
      role: "admin,owner",
      status: "banned",
    });
    expect(parsed).toEqual({
      page: 3,
      perPage: 50,
      offset: 100,
      sort: { id: "email", desc: false },
      search: "ada lovelace",
      filters: { role: ["admin", "owner"], status: "banned" },
    });
  });

  it("falls back to defaults on invalid values instead of throwing", () => {
    const parsed = users.parse({
      page: "-4",
      perPage: "7",
      sort: "passwordHash.asc",
      role: "root",
      status: "deleted",
    });
    expect(parsed).toMatchObject({
      page: 1,
      perPage: 20,
      sort: { id: "createdAt", desc: true },
      filters: { role: [], status: null },
    });
  });

  it("caps perPage and search length", () => {
    const parsed = users.parse({ perPage: "100000", search: "x".repeat(5000) });
    expect(parsed.perPage).toBe(100);
    expect(parsed.search).toHaveLength(MAX_SEARCH_LENGTH);
  });

  it("caps search at 100 code points, never leaving a lone surrogate", () => {
    expect(MAX_SEARCH_LENGTH).toBe(100);
    expect(users.parse({ search: "😀".repeat(150) }).search).toBe("😀".repeat(100));
    // A slice by UTF-16 units would end on the first half of the 100th pair.
    const mixed = `${"a".repeat(99)}😀😀`;
    expect(users.parse({ search: mixed }).search).toBe(`${"a".repeat(99)}😀`);
    expect(users.parse({ search: "a\uD800b\uDFFF" }).search).toBe("a\uFFFDb\uFFFD");
    expect(users.parse({ search: "\u{10FFFF}e\u0301" }).search).toBe("\u{10FFFF}e\u0301");
    expect(users.toState({ search: "z".repeat(101) }).search).toHaveLength(100);
  });

  it("takes the first of repeated keys and accepts URLSearchParams", () => {
    expect(users.parse({ page: ["2", "9"] }).page).toBe(2);
    expect(users.parse(new URLSearchParams("page=5&status=active")).filters.status).toBe("active");
  });

  it("treats whitespace-only search as no search", () => {
    expect(users.parse({ search: "   " }).search).toBe("");
  });

  it("is typed from the declaration", () => {
    const parsed = users.parse({});
    expectTypeOf(parsed.sort).toEqualTypeOf<SortValue<"name" | "email" | "createdAt">>();
    expectTypeOf(parsed.filters.role).toEqualTypeOf<Array<"user" | "admin" | "owner">>();
    expectTypeOf(parsed.filters.status).toEqualTypeOf<"active" | "banned" | null>();
  });
});

describe("createTableSearchParams options", () => {
  it("prefixes URL keys", () => {
    const invitations = createTableSearchParams({
      sortable: ["email"],
      defaultSort: "email.asc",
      urlKeyPrefix: "inv_",
    });
    expect(invitations.parse({ page: "4", inv_page: "2" }).page).toBe(2);
    expect(invitations.serialize({ page: 3, sort: { id: "email", desc: true } })).toBe(
      "?inv_page=3&inv_sort=email.desc",
    );
  });

  it("serializes without defaults", () => {
    expect(users.serialize({ page: 1, role: ["admin", "user"], status: "banned" })).toBe(
      "?role=admin,user&status=banned",
    );
  });

  it("rejects reserved filter keys", () => {
    expect(() =>
      createTableSearchParams({
        sortable: ["name"],
        defaultSort: "name.asc",
        // @ts-expect-error "page" is reserved for pagination
        filters: { page: singleFilter(["a"]) },
      }),
    ).toThrow(/reserved/);
  });
});

describe("toState", () => {
  it("re-validates loose values", () => {
    expect(
      users.toState({ page: 0, perPage: 33, sort: { id: "nope", desc: true }, search: 5, role: ["admin", 3, "x"] }),
    ).toEqual({
      page: 1,
      perPage: 20,
      sort: { id: "createdAt", desc: true },
      search: "",
      filters: { role: ["admin"], status: null },
    });
  });
});
