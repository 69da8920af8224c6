"use client";

import type { MenuProps } from "@/components/lazy-menu";
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
import type { DataTableFilterOption } from "./data-table-faceted-filter";

export interface FacetedFilterMenuProps {
  title: string;
  options: ReadonlyArray<DataTableFilterOption>;
  /** Checkboxes (several values) or radio items (one). */
  multi: boolean;
  selected: string[];
  write: (value: string[] | string | null) => void;
  clear: () => void;
}

const numberFormat = new Intl.NumberFormat("en-US");

/** The filter's menu (data-table-faceted-filter.tsx loads it on first use, already open). */
export function DataTableFacetedFilterMenu({
  trigger,
  title,
  options,
  multi,
  selected,
  write,
  clear,
}: MenuProps<FacetedFilterMenuProps>) {
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
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
