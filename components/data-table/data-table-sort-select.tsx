"use client";

import type { RowData } from "@tanstack/react-table";
import { useId } from "react";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { getIsServerSortable } from "./data-table-column-header";
import type { DataTableInstance } from "./features";

/** The column's name as people read it: its `meta.label`, a string header, or its id. */
export function getColumnLabel<TData extends RowData>(
  column: ReturnType<DataTableInstance<TData>["getAllLeafColumns"]>[number],
): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}

/**
 * Below `md` the header row is only for screen readers (rows are cards), so its sort buttons are out of reach: this
 * select offers the same orders. Not rendered when the table sorts by nothing.
 */
export function DataTableSortSelect<TData extends RowData>({ table }: { table: DataTableInstance<TData> }) {
  const id = useId();
  const columns = table.getAllLeafColumns().filter((column) => getIsServerSortable(column));
  if (columns.length === 0) return null;
  const [current] = table.state.sorting;
  const value = current ? `${current.id}.${current.desc ? "desc" : "asc"}` : "";
  return (
    <div className="flex items-center gap-2 md:hidden">
      <label htmlFor={id} className="font-medium text-sm">
        Sort by
      </label>
      <NativeSelect
        id={id}
        size="sm"
        value={value}
        onChange={(event) => {
          const [columnId, direction] = event.target.value.split(".");
          table.setSorting(columnId ? [{ id: columnId, desc: direction === "desc" }] : []);
        }}
      >
        {columns.flatMap((column) => {
          const label = getColumnLabel(column);
          return [
            <NativeSelectOption key={`${column.id}.asc`} value={`${column.id}.asc`}>
              {label}, ascending
            </NativeSelectOption>,
            <NativeSelectOption key={`${column.id}.desc`} value={`${column.id}.desc`}>
              {label}, descending
            </NativeSelectOption>,
          ];
        })}
      </NativeSelect>
    </div>
  );
}
