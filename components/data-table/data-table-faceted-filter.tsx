"use client";

import type { RowData } from "@tanstack/react-table";
import { PlusCircleIcon } from "lucide-react";
import type { ComponentType } from "react";
import { LazyMenu, menuModule } from "@/components/lazy-menu";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import type { FilterDefs, FilterOptionValue, FilterValue } from "@/lib/data-table/search-params";
import { cn } from "@/lib/utils";
import type { FacetedFilterMenuProps } from "./data-table-faceted-filter-menu";
import type { DataTableController } from "./use-data-table";

export interface DataTableFilterOption<TValue extends string = string> {
  value: TValue;
  label: string;
  icon?: ComponentType<{ className?: string }>;
  /** Optional number of matching rows, shown at the right. */
  count?: number;
}

export interface DataTableFacetedFilterProps<
  TData extends RowData,
  TColumn extends string,
  TFilters extends FilterDefs,
  TKey extends keyof TFilters & string,
> {
  dataTable: DataTableController<TData, TColumn, TFilters>;
  /** The filter's URL key, as declared in `createTableSearchParams({ filters })`. */
  filterKey: TKey;
  title: string;
  options: ReadonlyArray<DataTableFilterOption<FilterOptionValue<TFilters[TKey]>>>;
  className?: string;
}

// The menu (Radix's dropdown) loads when the filter is first hovered, focused or pressed.
const menu = menuModule<FacetedFilterMenuProps>(() =>
  import("./data-table-faceted-filter-menu").then((module) => module.DataTableFacetedFilterMenu),
);

/**
 * A dashed button opening a menu bound to one URL filter: checkboxes for a `multiFilter`, radio items for a
 * `singleFilter`. The button shows how many values are selected (or the selected value's label).
 */
export function DataTableFacetedFilter<
  TData extends RowData,
  TColumn extends string,
  TFilters extends FilterDefs,
  TKey extends keyof TFilters & string,
>({ dataTable, filterKey, title, options, className }: DataTableFacetedFilterProps<TData, TColumn, TFilters, TKey>) {
  const multi = dataTable.searchParams.filters[filterKey]?.kind === "multi";
  const current: unknown = dataTable.state.filters[filterKey];
  const selected: string[] = Array.isArray(current)
    ? current.filter((item): item is string => typeof item === "string")
    : typeof current === "string"
      ? [current]
      : [];
  // `setFilter` is typed per key; the values written here come from `options`, which are typed from the same key.
  const write = (value: string[] | string | null) =>
    dataTable.setFilter(filterKey, value as FilterValue<TFilters[TKey]> | null);
  const clear = () => write(multi ? [] : null);
  const selectedLabel = options.find((option) => option.value === selected[0])?.label ?? selected[0];

  const trigger = (
    <Button type="button" variant="outline" size="sm" className={cn("h-8 border-dashed", className)}>
      <PlusCircleIcon aria-hidden="true" />
      {title}
      {selected.length > 0 ? (
        <>
          <Separator orientation="vertical" className="mx-0.5 data-[orientation=vertical]:h-4" />
          <Badge variant="secondary" className="rounded-sm px-1 font-normal">
            <span className="sr-only">: </span>
            {multi ? (
              <>
                {selected.length}
                <span className="sr-only"> selected</span>
              </>
            ) : (
              selectedLabel
            )}
          </Badge>
        </>
      ) : null}
    </Button>
  );
  return <LazyMenu menu={menu} trigger={trigger} props={{ title, options, multi, selected, write, clear }} />;
}
