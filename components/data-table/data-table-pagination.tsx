"use client";

import type { RowData } from "@tanstack/react-table";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { PER_PAGE_OPTIONS } from "@/lib/data-table/search-params";
import { getRowRange } from "@/lib/data-table/table-state";
import { cn } from "@/lib/utils";
import type { DataTableInstance } from "./features";

const numberFormat = new Intl.NumberFormat("en-US");

export interface DataTablePaginationProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  className?: string;
}

/**
 * Row range and total, "Rows per page", "Page X of Y" and first/previous/next/last buttons. On a list that fits one
 * page only the total shows (nothing when empty: the table says so), and "Rows per page" only once a smaller size
 * would make pages.
 */
export function DataTablePagination<TData extends RowData>({ table, className }: DataTablePaginationProps<TData>) {
  const labelId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const page = pageIndex + 1;
  const pageCount = table.getPageCount();
  const knownPageCount = pageCount >= 0;
  const rowCount = table.options.rowCount;
  const atLeast = table.options.meta?.rowCountAtLeast;
  const perPageOptions = table.options.meta?.perPageOptions ?? PER_PAGE_OPTIONS;
  const { from, to } = getRowRange(page, pageSize, table.getRowModel().rows.length);

  let summary: string;
  if (rowCount === 0) summary = "No rows";
  else if (from === 0)
    summary = rowCount === undefined ? "No rows on this page" : `${numberFormat.format(rowCount)} rows`;
  else {
    const range = `${numberFormat.format(from)}–${numberFormat.format(to)}`;
    if (rowCount !== undefined) summary = `${range} of ${numberFormat.format(rowCount)} rows`;
    else if (atLeast !== undefined) summary = `${range} of ${numberFormat.format(atLeast)}+ rows`;
    else summary = `Rows ${range}`;
  }

  const onePage = knownPageCount && pageCount <= 1 && pageIndex === 0;
  const rowsOnPage = table.getRowModel().rows.length;
  const total = rowCount ?? rowsOnPage;
  const offersPerPage = !onePage || total > Math.min(...perPageOptions);
  if (onePage && total === 0) return null;

  return (
    <div className={cn("flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-1", className)}>
      <p className="text-muted-foreground text-sm tabular-nums" aria-live="polite">
        {summary}
      </p>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        {offersPerPage ? (
          <div className="flex items-center gap-2">
            <p id={labelId} className="font-medium text-sm">
              Rows per page
            </p>
            {/* The browser's select: Radix Select (~6 KiB gzip) for four numbers was on every table's first load. */}
            <NativeSelect
              size="sm"
              className="w-[4.5rem]"
              aria-labelledby={labelId}
              value={String(pageSize)}
              onChange={(event) => table.setPageSize(Number(event.target.value))}
            >
              {perPageOptions.map((option) => (
                <NativeSelectOption key={option} value={String(option)}>
                  {option}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
        ) : null}
        {onePage ? null : (
          <>
            <p className="font-medium text-sm tabular-nums">
              {knownPageCount
                ? `Page ${numberFormat.format(page)} of ${numberFormat.format(Math.max(pageCount, 1))}`
                : `Page ${numberFormat.format(page)}`}
            </p>
            <div className="flex items-center gap-1">
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                className="hidden sm:inline-flex"
                aria-label="Go to first page"
                disabled={!table.getCanPreviousPage()}
                onClick={() => table.firstPage()}
              >
                <ChevronsLeftIcon aria-hidden="true" />
              </Button>
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                aria-label="Go to previous page"
                disabled={!table.getCanPreviousPage()}
                onClick={() => table.previousPage()}
              >
                <ChevronLeftIcon aria-hidden="true" />
              </Button>
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                aria-label="Go to next page"
                disabled={!table.getCanNextPage()}
                onClick={() => table.nextPage()}
              >
                <ChevronRightIcon aria-hidden="true" />
              </Button>
              <Button
                type="button"
                variant="outline"
                size="icon-sm"
                className="hidden sm:inline-flex"
                aria-label="Go to last page"
                disabled={!table.getCanLastPage()}
                onClick={() => table.lastPage()}
              >
                <ChevronsRightIcon aria-hidden="true" />
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
