"use client";

import type { RowData } from "@tanstack/react-table";
import { SearchIcon, XIcon } from "lucide-react";
import { type ReactNode, useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { type FilterDefs, isSearchAtLimit, MAX_SEARCH_LENGTH } from "@/lib/data-table/search-params";
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

/**
 * Search box bound to `?search=` (debounced), filter slot, "Reset" when anything narrows the rows, and actions. The box
 * holds at most `MAX_SEARCH_LENGTH` code points (`setSearch` caps, as the server does) and says so once that is reached.
 */
export function DataTableToolbar<TData extends RowData, TColumn extends string, TFilters extends FilterDefs>({
  dataTable,
  searchLabel,
  searchPlaceholder,
  children,
  actions,
  className,
}: DataTableToolbarProps<TData, TColumn, TFilters>) {
  const limitId = useId();
  const atLimit = isSearchAtLimit(dataTable.state.search);
  return (
    // On a phone the search box takes the whole width and the actions sit on their own line.
    <div
      className={cn(
        "flex flex-wrap items-center justify-between gap-2 max-sm:flex-col max-sm:items-stretch",
        className,
      )}
    >
      <div className="flex flex-1 flex-wrap items-center gap-2">
        <div className="w-full sm:w-64 lg:w-80">
          <div className="relative">
            <SearchIcon
              aria-hidden="true"
              className="-translate-y-1/2 pointer-events-none absolute top-1/2 left-2.5 size-4 text-muted-foreground"
            />
            {/* No maxLength: it counts UTF-16 units (an emoji is two), the cap counts code points, as the server does. */}
            <Input
              type="search"
              aria-label={searchLabel}
              aria-describedby={limitId}
              placeholder={searchPlaceholder ?? `${searchLabel}…`}
              value={dataTable.state.search}
              onChange={(event) => dataTable.setSearch(event.target.value)}
              className="h-8 pr-8 pl-8"
              autoComplete="off"
              spellCheck={false}
            />
            {dataTable.isPending ? (
              <Spinner className="-translate-y-1/2 absolute top-1/2 right-2.5 text-muted-foreground" />
            ) : null}
          </div>
          {/* Always rendered, empty below the cap: a live region announces a change only if it was there before. */}
          <p id={limitId} aria-live="polite" className={cn("text-muted-foreground text-xs", atLimit && "mt-1")}>
            {atLimit ? `Search is limited to ${MAX_SEARCH_LENGTH} characters` : null}
          </p>
        </div>
        {children}
        {dataTable.isFiltered ? (
          <Button type="button" variant="ghost" size="sm" className="h-8 px-2 lg:px-3" onClick={dataTable.resetFilters}>
            Reset
            <XIcon aria-hidden="true" />
          </Button>
        ) : null}
      </div>
      {actions ? <div className="flex items-center gap-2 max-sm:justify-end">{actions}</div> : null}
    </div>
  );
}
