"use client";

/**
 * The one server-driven table of the console. Usage (a screen adds `<x>-table.tsx` and `<x>-table-columns.tsx`):
 *
 * ```tsx
 * // app/(console)/admin/users/search-params.ts — no "use client": imported by the page and by the table
 * export const usersSearchParams = createTableSearchParams({
 *   sortable: ["name", "email", "createdAt"],
 *   defaultSort: "createdAt.desc",
 *   filters: { role: multiFilter(["user", "admin"]), status: singleFilter(["active", "banned"]) },
 * });
 *
 * // app/(console)/admin/users/page.tsx — server component
 * type SearchParams = Promise<Record<string, string | string[] | undefined>>;
 * export default async function UsersPage(props: { searchParams: SearchParams }) {
 *   const query = usersSearchParams.parse(await props.searchParams); // never throws; bad values → defaults
 *   // WHERE from query.search / query.filters, ORDER BY query.sort (+ id as tie-breaker),
 *   // LIMIT query.perPage OFFSET query.offset; resolves to { data, pageCount } (and rowCount if you count).
 *   const usersPromise = listUsers(query);
 *   return (
 *     // No `key` on the boundary: URL updates run in a transition; the table stays (dimmed) until the new rows
 *     // arrive. TableSuspense shows the skeleton on client-side navigations only (table-suspense.tsx).
 *     <TableSuspense skeleton={<DataTableSkeleton columnCount={4} filterCount={2} />}>
 *       <UsersTable promise={usersPromise} />
 *     </TableSuspense>
 *   );
 * }
 *
 * // app/(console)/admin/users/_components/users-table-columns.tsx
 * const columnHelper = createDataTableColumnHelper<UserRow>(); // = createColumnHelper<DataTableFeatures, UserRow>()
 * export const usersColumns = columnHelper.columns([
 *   getSelectColumn<UserRow>({ getRowLabel: (user) => user.email }),
 *   columnHelper.accessor("email", {
 *     header: ({ column }) => <DataTableColumnHeader column={column} title="Email" />,
 *     cell: (info) => info.getValue(),
 *   }),
 * ]);
 *
 * // app/(console)/admin/users/_components/users-table.tsx
 * "use client";
 * export function UsersTable({ promise }: { promise: Promise<{ data: UserRow[]; pageCount: number }> }) {
 *   const { data, pageCount } = use(promise);
 *   const dataTable = useDataTable({
 *     data, pageCount, columns: usersColumns, searchParams: usersSearchParams,
 *     getRowId: (user) => user.id, enableRowSelection: true,
 *   });
 *   return (
 *     <DataTable table={dataTable.table} caption="Users" actionBar={({ rowIds }) => <BanButton ids={rowIds} />}>
 *       <DataTableToolbar dataTable={dataTable} searchLabel="Search users" actions={<ExportButton />}>
 *         <DataTableFacetedFilter dataTable={dataTable} filterKey="role" title="Role" options={roleOptions} />
 *       </DataTableToolbar>
 *     </DataTable>
 *   );
 * }
 * ```
 *
 * Below `md` (by CSS, no script) the rows are cards: the first column as title, the others as labelled lines, the select
 * checkbox and the row menu in the corners (`meta.card` moves the title or leaves a column out); a select replaces the
 * header's sort buttons. The page scrolls, not the table: no height of its own, and wide tables scroll sideways inside
 * their frame instead of widening the page.
 *
 * Keyboard: Tab reaches the rows once (one row is in the tab order), ↑/↓/Home/End move between rows, Space toggles the
 * focused row's selection, Enter calls `onRowActivate`.
 */

import { flexRender, type RowData } from "@tanstack/react-table";
import { type KeyboardEvent, type MouseEvent, type ReactNode, useRef, useState } from "react";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { DataTableActionBar } from "./data-table-action-bar";
import { cardBodyClass, cardHeadClass, cardTableClass, getCardRoles } from "./data-table-card";
import { getIsServerSortable } from "./data-table-column-header";
import { DataTablePagination } from "./data-table-pagination";
import { DataTableSortSelect, getColumnLabel } from "./data-table-sort-select";
import type { DataTableInstance } from "./features";

export interface DataTableSelection<TData extends RowData> {
  /** Ids (`getRowId`) of the selected rows. */
  rowIds: string[];
  /** The selected rows' data. */
  rows: TData[];
  clear: () => void;
}

export interface DataTableProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** Rendered above the table, usually `<DataTableToolbar>`. */
  children?: ReactNode;
  /** Accessible name of the table (a visually hidden caption), e.g. "Users". */
  caption?: string;
  /** Shown in the body when there are no rows. Default "No results.". */
  emptyState?: ReactNode;
  /** Buttons for the selected rows; the bar (with "N selected" and "Clear selection") shows while rows are selected. */
  actionBar?: ReactNode | ((selection: DataTableSelection<TData>) => ReactNode);
  /** Enter on a focused row, or a click on a row outside its links/buttons. */
  onRowActivate?: (row: TData) => void;
  /** Hide the pagination (e.g. a short, unpaginated list). It also hides itself when everything fits one page. */
  hidePagination?: boolean;
  className?: string;
  /** Classes of the frame around the table (it scrolls sideways when the columns are wider than the page). */
  containerClassName?: string;
}

const interactiveSelector = "a, button, input, select, textarea, label, [role=checkbox], [role=menuitem], [tabindex]";

export function DataTable<TData extends RowData>({
  table,
  children,
  caption,
  emptyState,
  actionBar,
  onRowActivate,
  hidePagination = false,
  className,
  containerClassName,
}: DataTableProps<TData>) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  const isPending = table.options.meta?.isPending ?? false;
  const rovingIndex = Math.max(0, Math.min(activeIndex, rows.length - 1));
  const cardRoles = getCardRoles(table);
  const rowClass = onRowActivate ? "ui-data-row cursor-pointer" : "ui-data-row";

  // Selection is per query (see useDataTable), so every selected row is on this page; ids of rows that vanished
  // after a refresh (e.g. deleted by a bulk action) are ignored.
  const selectedRows = rows.filter((row) => row.getIsSelected());
  const rowIds = selectedRows.map((row) => row.id);
  const selection: DataTableSelection<TData> = {
    rowIds,
    rows: selectedRows.map((row) => row.original),
    clear: () => table.resetRowSelection(true),
  };

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(index, rows.length - 1));
    bodyRef.current?.querySelector<HTMLTableRowElement>(`tr[data-row-index="${target}"]`)?.focus();
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    // Only when the row itself has focus: keys inside cells (inputs, menus) keep their meaning.
    if (event.target !== event.currentTarget) return;
    const row = rows[index];
    switch (event.key) {
      case "ArrowDown":
        focusRow(index + 1);
        break;
      case "ArrowUp":
        focusRow(index - 1);
        break;
      case "Home":
        focusRow(0);
        break;
      case "End":
        focusRow(rows.length - 1);
        break;
      case " ":
        if (!row?.getCanSelect()) return;
        row.toggleSelected();
        break;
      case "Enter":
        if (!row || !onRowActivate) return;
        onRowActivate(row.original);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, row: TData) => {
    if (!onRowActivate) return;
    const target = event.target as Element;
    const interactive = target.closest(interactiveSelector);
    if (interactive && interactive !== event.currentTarget) return;
    if (window.getSelection()?.toString()) return; // selecting text is not a click
    onRowActivate(row);
  };

  return (
    // min-w-0: a grid or flex item keeps its content's min-content width otherwise, and a wide table widens the page.
    <div className={cn("flex min-w-0 flex-col gap-3", className)}>
      {children}
      <DataTableSortSelect table={table} />
      <div
        data-slot="table-container"
        className={cn(
          "relative w-full overflow-x-auto rounded-md border max-md:overflow-visible max-md:border-0",
          containerClassName,
        )}
      >
        <table
          data-slot="table"
          aria-busy={isPending || undefined}
          className={cn("w-full caption-bottom border-separate border-spacing-0 text-sm", cardTableClass)}
        >
          {caption ? <caption className="sr-only">{caption}</caption> : null}
          <TableHeader className={cardHeadClass}>
            {table.getHeaderGroups().map((headerGroup) => (
              <TableRow key={headerGroup.id} className="hover:bg-transparent">
                {headerGroup.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const ariaSort = !getIsServerSortable(header.column)
                    ? undefined
                    : sorted === "asc"
                      ? "ascending"
                      : sorted === "desc"
                        ? "descending"
                        : "none";
                  return (
                    <TableHead
                      key={header.id}
                      colSpan={header.colSpan}
                      scope="col"
                      aria-sort={header.isPlaceholder ? undefined : ariaSort}
                      className={cn(
                        "bg-muted/40 shadow-[inset_0_-1px_0_var(--border)]",
                        header.column.columnDef.meta?.headerClassName,
                      )}
                    >
                      {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody
            ref={bodyRef}
            className={cn(
              "transition-opacity md:[&_td]:border-b md:[&_tr:last-child_td]:border-b-0",
              cardBodyClass,
              isPending && "opacity-60",
            )}
          >
            {rows.length > 0 ? (
              // The body's rows and cells are written as plain <tr>/<td> (the markup of TableRow and TableCell) and
              // each cell's content through flexRender, TanStack's function form of <FlexRender>: two component
              // layers fewer per cell, which a page of rows paid on every server render (README, "Performance").
              rows.map((row, index) => (
                <tr
                  key={row.id}
                  data-slot="table-row"
                  data-row-index={index}
                  data-state={row.getIsSelected() ? "selected" : undefined}
                  tabIndex={index === rovingIndex ? 0 : -1}
                  onFocus={() => setActiveIndex(index)}
                  onKeyDown={(event) => onRowKeyDown(event, index)}
                  onClick={(event) => onRowClick(event, row.original)}
                  // Focus outline and the card layout below md: app/globals.css.
                  className={rowClass}
                >
                  {row.getAllCells().map((cell) => {
                    const role = cardRoles.get(cell.column.id);
                    return (
                      <td
                        key={cell.id}
                        data-slot="table-cell"
                        data-label={role === "line" ? getColumnLabel(cell.column) : undefined}
                        data-card={role}
                        className={cell.column.columnDef.meta?.cellClassName}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))
            ) : (
              <TableRow className="hover:bg-transparent max-md:block">
                <TableCell
                  colSpan={columnCount}
                  className="h-24 whitespace-normal text-center text-muted-foreground max-md:block max-md:rounded-md max-md:border max-md:py-8"
                >
                  {emptyState ?? "No results."}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </table>
      </div>
      {actionBar !== undefined && rowIds.length > 0 ? (
        <DataTableActionBar selection={selection}>
          {typeof actionBar === "function" ? actionBar(selection) : actionBar}
        </DataTableActionBar>
      ) : null}
      {hidePagination ? null : <DataTablePagination table={table} />}
    </div>
  );
}
