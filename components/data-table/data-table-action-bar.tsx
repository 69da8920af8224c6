"use client";

import type { RowData } from "@tanstack/react-table";
import { XIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { DataTableSelection } from "./data-table";

const numberFormat = new Intl.NumberFormat("en-US");

/** "N selected", the table's buttons for the selection, and "Clear selection"; sticks to the bottom while visible. */
export function DataTableActionBar<TData extends RowData>({
  selection,
  children,
}: {
  selection: DataTableSelection<TData>;
  children: ReactNode;
}) {
  return (
    <section
      aria-label="Selected rows"
      className="sticky bottom-4 z-20 mx-auto flex w-fit max-w-full flex-wrap items-center gap-2 rounded-md border bg-background p-2 shadow-lg"
    >
      <p className="px-2 font-medium text-sm tabular-nums" aria-live="polite">
        {numberFormat.format(selection.rowIds.length)} selected
      </p>
      <div className="flex flex-wrap items-center gap-2">{children}</div>
      <Button type="button" variant="ghost" size="sm" onClick={selection.clear}>
        <XIcon aria-hidden="true" />
        Clear selection
      </Button>
    </section>
  );
}
