"use client";

import type { CellData, Column, RowData } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { getNextSort } from "@/lib/data-table/table-state";
import { cn } from "@/lib/utils";
import type { DataTableFeatures } from "./features";

export interface DataTableColumnHeaderProps<TData extends RowData, TValue extends CellData> {
  column: Column<DataTableFeatures, TData, TValue>;
  title: string;
  className?: string;
}

/** Whether the server can sort by this column (listed in `sortable`, and not disabled in the column definition). */
export function getIsServerSortable<TData extends RowData, TValue extends CellData>(
  column: Column<DataTableFeatures, TData, TValue>,
): boolean {
  const sortable = column.table.options.meta?.sortable ?? [];
  return column.getCanSort() && sortable.includes(column.id);
}

/** One step of the header's sort cycle: asc → desc → default order (steps that change nothing are skipped). */
export function toggleColumnSort<TData extends RowData, TValue extends CellData>(
  column: Column<DataTableFeatures, TData, TValue>,
): void {
  const sorted = column.getIsSorted();
  const current = sorted ? { id: column.id, desc: sorted === "desc" } : null;
  const next = getNextSort(current, column.id, column.table.options.meta?.defaultSort ?? null);
  column.table.setSorting(next ? [next] : []);
}

/**
 * A column title that sorts on click: ascending → descending → back to the default order. The `<th>` around it carries
 * `aria-sort` (set by `DataTable`); columns the server cannot sort render the plain title.
 *
 * @example
 * columnHelper.accessor("email", {
 *   header: ({ column }) => <DataTableColumnHeader column={column} title="Email" />,
 * })
 */
export function DataTableColumnHeader<TData extends RowData, TValue extends CellData>({
  column,
  title,
  className,
}: DataTableColumnHeaderProps<TData, TValue>) {
  if (!getIsServerSortable(column)) {
    return <span className={className}>{title}</span>;
  }
  const sorted = column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ChevronsUpDownIcon;

  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      className={cn("-ml-3 h-8 data-[sorted=true]:text-foreground", className)}
      data-sorted={sorted !== false}
      onClick={() => toggleColumnSort(column)}
    >
      <span>{title}</span>
      <Icon aria-hidden="true" className={cn("size-4", sorted === false && "text-muted-foreground/70")} />
    </Button>
  );
}
