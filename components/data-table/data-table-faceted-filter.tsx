"use client";

import type { RowData } from "@tanstack/react-table";
import { PlusCircleIcon } from "lucide-react";
import type { ComponentType } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Separator } from "@/components/ui/separator";
import type { FilterDefs, FilterOptionValue, FilterValue } from "@/lib/data-table/search-params";
import { cn } from "@/lib/utils";
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

const numberFormat = new Intl.NumberFormat("en-US");

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

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
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
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-48">
        <DropdownMenuLabel>{title}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {multi ? (
          options.map((option) => (
            <DropdownMenuCheckboxItem
              key={option.value}
              checked={selected.includes(option.value)}
              // Keep the menu open to pick several values.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) => {
                const next = options
                  .map((candidate) => candidate.value)
                  .filter((value) => (value === option.value ? checked === true : selected.includes(value)));
                write(next);
              }}
            >
              <OptionContent option={option} />
            </DropdownMenuCheckboxItem>
          ))
        ) : (
          <DropdownMenuRadioGroup value={selected[0] ?? ""} onValueChange={(value) => write(value)}>
            {options.map((option) => (
              <DropdownMenuRadioItem key={option.value} value={option.value}>
                <OptionContent option={option} />
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        )}
        {selected.length > 0 ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem className="justify-center" onSelect={clear}>
              Clear filter
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function OptionContent({ option }: { option: DataTableFilterOption }) {
  const Icon = option.icon;
  return (
    <>
      {Icon ? <Icon className="size-4 text-muted-foreground" /> : null}
      <span>{option.label}</span>
      {option.count !== undefined ? (
        <span className="ml-auto pl-4 font-mono text-muted-foreground text-xs tabular-nums">
          {numberFormat.format(option.count)}
        </span>
      ) : null}
    </>
  );
}
