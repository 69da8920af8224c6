"use client";

import type * as React from "react";
import { cn } from "@/lib/utils";

type RowCheckboxProps = Omit<React.ComponentProps<"input">, "type" | "checked" | "onChange" | "ref"> & {
  checked: boolean | "indeterminate";
  onCheckedChange: (checked: boolean) => void;
};

/**
 * The selection column's checkbox: a native `<input type="checkbox">` (its role, keyboard and form behaviour are the
 * browser's), styled by `.ui-row-checkbox` in app/globals.css. Not the Radix checkbox: a page renders one per row, and
 * Radix's (state hook, context, indicator, and a hidden input of its own with an inline style) cost about as much of
 * the page's server render as the rest of the row. "indeterminate" is a DOM property only (assistive technology reads
 * it as "mixed"), set when the input mounts or updates (no hook).
 */
export function RowCheckbox({ checked, onCheckedChange, className, ...props }: RowCheckboxProps) {
  const mixed = checked === "indeterminate";
  return (
    <input
      type="checkbox"
      className={cn("ui-row-checkbox", className)}
      checked={checked === true}
      ref={(input) => {
        if (input) input.indeterminate = mixed;
      }}
      onChange={(event) => onCheckedChange(event.target.checked)}
      {...props}
    />
  );
}
