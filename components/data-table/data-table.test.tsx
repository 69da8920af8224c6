import { NuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import type { ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// react-dom/server's startTransition throws outside rendering; these tests render once on the "server" and then call
// the table's setters, so run transitions synchronously.
vi.mock("react", async (importOriginal) => {
  const react = await importOriginal<typeof import("react")>();
  return {
    ...react,
    useTransition: (): [boolean, (callback: () => void) => void] => [false, (callback) => callback()],
  };
});

// The server render has no DOM to click in: every labelled button of the last render leaves its props here, so a test
// presses the pager's own buttons (their onClick and disabled state), and the markup stays the real Button's.
const buttons = vi.hoisted(() => new Map<string, { onClick?: () => void; disabled?: boolean }>());
vi.mock("@/components/ui/button", async (importOriginal) => {
  const ui = await importOriginal<typeof import("@/components/ui/button")>();
  return {
    ...ui,
    Button: (props: ComponentProps<typeof ui.Button>) => {
      const label = props["aria-label"];
      if (label) buttons.set(label, { onClick: props.onClick as () => void, disabled: props.disabled });
      return <ui.Button {...props} />;
    },
  };
});

/** Presses the labelled button of the last render, as a person would: refused when it is disabled. */
function press(label: string) {
  const button = buttons.get(label);
  if (!button?.onClick) throw new Error(`no button labelled ${label}`);
  if (button.disabled) throw new Error(`${label} is disabled`);
  button.onClick();
}

import { createTableSearchParams, multiFilter, singleFilter } from "@/lib/data-table/search-params";
import { DataTable } from "./data-table";
import { DataTableColumnHeader, toggleColumnSort } from "./data-table-column-header";
import { DataTableFacetedFilter } from "./data-table-faceted-filter";
import { getSelectColumn } from "./data-table-select-column";
import { DataTableSkeleton } from "./data-table-skeleton";
import { DataTableToolbar } from "./data-table-toolbar";
import { createDataTableColumnHelper } from "./features";
import { type DataTableController, useDataTable } from "./use-data-table";

interface UserRow {
  id: string;
  email: string;
  role: "user" | "admin";
}

const usersSearchParams = createTableSearchParams({
  sortable: ["email", "createdAt"],
  defaultSort: "createdAt.desc",
  filters: { role: multiFilter(["user", "admin"]), status: singleFilter(["active", "banned"]) },
});

const columnHelper = createDataTableColumnHelper<UserRow>();
const columns = columnHelper.columns([
  getSelectColumn<UserRow>({ getRowLabel: (user) => user.email }),
  columnHelper.accessor("email", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Email" />,
    cell: (info) => info.getValue(),
  }),
  columnHelper.accessor("role", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Role" />,
    cell: (info) => info.getValue(),
  }),
]);

/** The 95 users the "server" holds; `rows` is its second page of 20. */
const everyone: UserRow[] = Array.from({ length: 95 }, (_, index) => ({
  id: `u${index + 1}`,
  email: `user${index + 1}@example.com`,
  role: index % 2 ? "admin" : "user",
}));
const rows = everyone.slice(20, 40);

/** What the server page would load for a query: the page of 20 it names. */
function pageFor(query: string) {
  const page = Number(new URLSearchParams(query).get("page") ?? "1");
  return everyone.slice((page - 1) * 20, page * 20);
}

type Controller = DataTableController<UserRow, "email" | "createdAt", (typeof usersSearchParams)["filters"]>;

function UsersTable(props: {
  data: UserRow[];
  rowCount: number;
  capped?: boolean;
  onController?: (controller: Controller) => void;
}) {
  const dataTable = useDataTable({
    data: props.data,
    ...(props.capped ? { rowCountAtLeast: props.rowCount, pageCount: -1 } : { rowCount: props.rowCount }),
    columns,
    searchParams: usersSearchParams,
    getRowId: (user) => user.id,
    enableRowSelection: true,
  });
  props.onController?.(dataTable);
  return (
    <DataTable table={dataTable.table} caption="Users" emptyState="No users match.">
      <DataTableToolbar dataTable={dataTable} searchLabel="Search users">
        <DataTableFacetedFilter
          dataTable={dataTable}
          filterKey="role"
          title="Role"
          options={[
            { value: "user", label: "User" },
            { value: "admin", label: "Admin" },
          ]}
        />
      </DataTableToolbar>
    </DataTable>
  );
}

function render(searchParams: string, data: UserRow[], rowCount: number, capped = false) {
  buttons.clear();
  const onUrlUpdate = vi.fn<(event: UrlUpdateEvent) => void>();
  let controller: Controller | undefined;
  const html = renderToStaticMarkup(
    <NuqsTestingAdapter searchParams={searchParams} onUrlUpdate={onUrlUpdate}>
      <UsersTable
        data={data}
        rowCount={rowCount}
        capped={capped}
        onController={(value) => {
          controller = value;
        }}
      />
    </NuqsTestingAdapter>,
  );
  if (!controller) throw new Error("not rendered");
  return { html, onUrlUpdate, controller };
}

async function lastQuery(onUrlUpdate: ReturnType<typeof vi.fn<(event: UrlUpdateEvent) => void>>) {
  await vi.waitFor(() => expect(onUrlUpdate).toHaveBeenCalled());
  return onUrlUpdate.mock.calls.at(-1)?.[0].queryString;
}

/**
 * The URL the person ends up with after every flush so far. The testing adapter keeps no memory: each flush is
 * written over `initial`, and nuqs may flush a debounced search and its page reset apart under load, so the changes
 * of each flush are replayed in order.
 */
function endsUpWith(initial: string, onUrlUpdate: ReturnType<typeof vi.fn<(event: UrlUpdateEvent) => void>>) {
  const start = new URLSearchParams(initial);
  const url = new URLSearchParams(initial);
  for (const [{ searchParams }] of onUrlUpdate.mock.calls) {
    for (const key of new Set([...start.keys(), ...searchParams.keys()])) {
      const value = searchParams.get(key);
      if (value === start.get(key)) continue;
      if (value === null) url.delete(key);
      else url.set(key, value);
    }
  }
  return url.size > 0 ? `?${url}` : "";
}

describe("DataTable (server render)", () => {
  it("renders rows, sort state, labels and pagination from the URL", () => {
    const { html } = render("?page=2&sort=email.asc&role=admin", rows, 95);
    expect(html).toContain("<caption");
    expect(html).toContain("user21@example.com");
    expect(html).toMatch(/<th[^>]*aria-sort="ascending"[^>]*>.*?Email/);
    // "role" is not in `sortable`: plain title, no aria-sort, no button.
    expect(html).toMatch(/<th(?![^>]*aria-sort)[^>]*><span>Role<\/span><\/th>/);
    expect(html).toContain('aria-label="Select all on this page"');
    expect(html).toContain('aria-label="Select row: user21@example.com"');
    expect(html).toContain('aria-label="Search users"');
    expect(html).toContain("Page 2 of 5");
    expect(html).toContain("21–40 of 95 rows");
    expect(html).toContain('aria-label="Go to first page"');
    expect(html).toContain("Reset");
    expect(html).toContain('1<span class="sr-only"> selected</span>');
    // One row in the tab order.
    expect(html.match(/<tr[^>]*tabindex="0"/g)).toHaveLength(1);
  });

  it("shows the empty state", () => {
    const { html } = render("", [], 0);
    expect(html).toContain("No users match.");
    expect(html).not.toContain("Reset");
    // No pager under an empty list: the table says it is empty.
    expect(html).not.toContain("Rows per page");
    expect(html).not.toContain('aria-label="Go to next page"');
  });

  it("says how many at least when the server stopped counting, with no last page to jump to", () => {
    const { html } = render("?page=2", rows, 1000, true);
    expect(html).toContain("21–40 of 1,000+ rows");
    expect(html).toContain("Page 2<");
    expect(html).not.toContain("Page 2 of");
    expect(press("Go to next page")).toBeUndefined();
  });

  it("shows only the total under a list that fits one page", () => {
    const { html } = render("", everyone.slice(0, 3), 3);
    expect(html).toContain("1–3 of 3 rows");
    expect(html).not.toContain("Page 1 of 1");
    expect(html).not.toContain("Rows per page");
    expect(html).not.toContain('aria-label="Go to next page"');
  });

  it("labels each cell for the card layout below md and puts the checkbox and title in their places", () => {
    const { html } = render("", everyone.slice(0, 1), 1);
    expect(html).toContain('data-card="select"');
    // The first data column is the card's title (no label); the next ones are labelled lines.
    expect(html).toMatch(/<td[^>]*data-card="title"[^>]*>user1@example.com<\/td>/);
    expect(html).toMatch(/<td[^>]*data-label="role"[^>]*data-card="line"/);
    // The mobile sort select offers the server's sortable columns.
    expect(html).toContain("Sort by");
    expect(html).toContain('value="email.asc"');
  });
});

describe("the pager", () => {
  it("next and previous page move through the pages, and the rows and page text follow", async () => {
    let query = "?page=2&role=admin";
    let view = render(query, pageFor(query), 95);
    expect(view.html).toContain("Page 2 of 5");
    expect(view.html).toContain("21–40 of 95 rows");
    expect(view.html).toContain("user21@example.com");

    press("Go to next page");
    query = (await lastQuery(view.onUrlUpdate)) ?? "";
    expect(query).toBe("?page=3&role=admin");
    view = render(query, pageFor(query), 95);
    expect(view.html).toContain("Page 3 of 5");
    expect(view.html).toContain("41–60 of 95 rows");
    expect(view.html).toContain("user41@example.com");
    expect(view.html).not.toContain("user21@example.com");

    press("Go to previous page");
    query = (await lastQuery(view.onUrlUpdate)) ?? "";
    expect(query).toBe("?page=2&role=admin");
    view = render(query, pageFor(query), 95);
    expect(view.html).toContain("Page 2 of 5");
    expect(view.html).toContain("user21@example.com");
    expect(view.html).not.toContain("user41@example.com");

    press("Go to previous page");
    query = (await lastQuery(view.onUrlUpdate)) ?? "";
    view = render(query, pageFor(query), 95);
    expect(view.html).toContain("Page 1 of 5");
    expect(view.html).toContain("1–20 of 95 rows");
    expect(view.html).toContain("user1@example.com");
    expect(() => press("Go to previous page")).toThrow(/disabled/);
  });

  it("stops at the last page, which holds the remainder", async () => {
    const query = "?page=4";
    const view = render(query, pageFor(query), 95);
    press("Go to next page");
    const last = (await lastQuery(view.onUrlUpdate)) ?? "";
    expect(last).toBe("?page=5");
    const html = render(last, pageFor(last), 95).html;
    expect(html).toContain("Page 5 of 5");
    expect(html).toContain("81–95 of 95 rows");
    expect(html).toContain("user95@example.com");
    expect(() => press("Go to next page")).toThrow(/disabled/);
    expect(() => press("Go to last page")).toThrow(/disabled/);
  });
});

describe("useDataTable URL updates", () => {
  it("next page keeps the rest of the query and pushes a history entry", async () => {
    const { controller, onUrlUpdate } = render("?page=2&role=admin", rows, 95);
    controller.table.nextPage();
    expect(await lastQuery(onUrlUpdate)).toBe("?page=3&role=admin");
    expect(onUrlUpdate.mock.calls.at(-1)?.[0].options).toMatchObject({ history: "push", shallow: false });
  });

  it("a header click sorts ascending first", async () => {
    const { controller, onUrlUpdate } = render("?page=2", rows, 95);
    const email = controller.table.getColumn("email");
    if (!email) throw new Error("no email column");
    toggleColumnSort(email);
    expect(await lastQuery(onUrlUpdate)).toBe("?sort=email.asc");
  });

  it("a header click on a descending column returns to the default sort", async () => {
    const { controller, onUrlUpdate } = render("?sort=email.desc&page=4", rows, 95);
    const email = controller.table.getColumn("email");
    if (!email) throw new Error("no email column");
    toggleColumnSort(email);
    expect(await lastQuery(onUrlUpdate)).toBe("");
  });

  it("column filters write the URL filter", async () => {
    expect(render("?role=user,admin", rows, 95).controller.table.getColumn("role")?.getFilterValue()).toEqual([
      "user",
      "admin",
    ]);
    const { controller, onUrlUpdate } = render("?page=2", rows, 95);
    expect(controller.table.getColumn("role")?.getFilterValue()).toBeUndefined();
    controller.table.getColumn("role")?.setFilterValue(["admin"]);
    expect(await lastQuery(onUrlUpdate)).toBe("?role=admin");
  });

  it("sorting resets the page", async () => {
    const { controller, onUrlUpdate } = render("?page=2", rows, 95);
    controller.table.setSorting([{ id: "email", desc: true }]);
    expect(await lastQuery(onUrlUpdate)).toBe("?sort=email.desc");
  });

  it("page size resets the page", async () => {
    const { controller, onUrlUpdate } = render("?page=3", rows, 95);
    controller.table.setPageSize(50);
    expect(await lastQuery(onUrlUpdate)).toBe("?perPage=50");
  });

  it("filters reset the page", async () => {
    const { controller, onUrlUpdate } = render("?page=3", rows, 95);
    controller.setFilter("role", ["admin", "user"]);
    expect(await lastQuery(onUrlUpdate)).toBe("?role=admin,user");
  });

  it("search is debounced, replaces history and resets the page", async () => {
    const { controller, onUrlUpdate } = render("?page=3&status=banned", rows, 95);
    controller.setSearch("ada");
    expect(onUrlUpdate).not.toHaveBeenCalled();
    // nuqs debounces each key of the patch: under load the search and the page reset can reach the URL one flush
    // apart, so wait for the URL the person ends up with.
    await vi.waitFor(() => expect(endsUpWith("?page=3&status=banned", onUrlUpdate)).toBe("?status=banned&search=ada"), {
      timeout: 5000,
    });
    const event = onUrlUpdate.mock.calls.at(-1)?.[0];
    expect(event?.options.history).toBe("replace");
    expect(event?.options.shallow).toBe(false);
  });

  it("says under the box that search is capped once the cap is reached, tied to the box for assistive tech", () => {
    const below = render(`?search=${"x".repeat(99)}`, [], 0).html;
    expect(below).not.toContain("Search is limited to 100 characters");
    const at = render(`?search=${"😀".repeat(120)}`, [], 0).html;
    // 100 emoji (code points), not 50: the cap is not counted in UTF-16 units, and no pair is cut in half.
    expect(at).toContain(`value="${"😀".repeat(100)}"`);
    expect(at).not.toContain("maxLength");
    const described = /aria-describedby="([^"]+)"/.exec(at)?.[1];
    expect(described).toBeTruthy();
    expect(at).toContain(`<p id="${described}" aria-live="polite" class="text-muted-foreground text-xs mt-1">`);
    expect(at).toContain("Search is limited to 100 characters</p>");
  });

  it("caps what is typed at 100 code points before it reaches the URL", async () => {
    const { controller, onUrlUpdate } = render("", rows, 95);
    controller.setSearch("y".repeat(120));
    // The URL the person ends up with (nuqs may flush the page reset and the search separately under load).
    await vi.waitFor(() => expect(endsUpWith("", onUrlUpdate)).toBe(`?search=${"y".repeat(100)}`), { timeout: 10_000 });
  });

  it("reset clears search and filters", async () => {
    const { controller, onUrlUpdate } = render("?page=3&search=x&role=admin&status=active&sort=email.asc", rows, 95);
    controller.resetFilters();
    expect(await lastQuery(onUrlUpdate)).toBe("?sort=email.asc");
  });
});

describe("DataTableSkeleton", () => {
  it("renders the requested grid", () => {
    const html = renderToStaticMarkup(<DataTableSkeleton columnCount={4} rowCount={3} filterCount={2} />);
    expect(html.match(/<tr/g)).toHaveLength(4);
    expect(html.match(/<th[ >]/g)).toHaveLength(4);
    expect(html).toContain('role="status"');
  });
});
