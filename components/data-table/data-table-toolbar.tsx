"use client";

import type { RowData } from "@tanstack/react-table";
import { SearchIcon, XIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { type FilterDefs, MAX_SEARCH_LENGTH } from "@/lib/data-table/search-params";
import { cn } from "@/lib/utils";
import type { DataTableController } from "./use-data-table";

export interface DataTableToolbarProps<TData extends RowData, TColumn extends string, TFilters extends FilterDefs> {
  dataTable: DataTableController<TData, TColumn, TFilters>;
  /** Accessible name of the search box, e.g. "Search users". */
  searchLabel: string;
  /** Defaults to `searchLabel` followed by "…". */
  searchPlaceholder?: string;
  /** Faceted filters (`<DataTableFacetedFilter>`), shown after the search box. */
  children?: ReactNode;
  /** Right-aligned actions (export, create…). */
  actions?: ReactNode;
  className?: string;
}

/** Search box bound to `?search=` (debounced), filter slot, "Reset" when anything narrows the rows, and actions. */
export function DataTableToolbar<TData extends RowData, TColumn extends string, TFilters extends FilterDefs>({
  dataTable,
  searchLabel,
  searchPlaceholder,
  children,
  actions,
  className,
}: DataTableToolbarProps<TData, TColumn, TFilters>) {
  return (
    <div className={cn("flex flex-wrap items-center justify-between gap-2", className)}>
      <div className="flex flex-1 flex-wrap items-center gap-2">
        <div className="relative w-full sm:w-64 lg:w-80">
          <SearchIcon
            aria-hidden="true"
            className="-translate-y-1/2 pointer-events-none absolute top-1/2 left-2.5 size-4 text-muted-foreground"
          />
          <Input
            type="search"
            aria-label={searchLabel}
            placeholder={searchPlaceholder ?? `${searchLabel}…`}
            value={dataTable.state.search}
            maxLength={MAX_SEARCH_LENGTH}
            onChange={(event) => dataTable.setSearch(event.target.value)}
            className="h-8 pr-8 pl-8"
            autoComplete="off"
            spellCheck={false}
          />
          {dataTable.isPending ? (
            <Spinner className="-translate-y-1/2 absolute top-1/2 right-2.5 text-muted-foreground" />
          ) : null}
        </div>
        {children}
        {dataTable.isFiltered ? (
          <Button type="button" variant="ghost" size="sm" className="h-8 px-2 lg:px-3" onClick={dataTable.resetFilters}>
            Reset
            <XIcon aria-hidden="true" />
          </Button>
        ) : null}
      </div>
      {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
    </div>
  );
}
