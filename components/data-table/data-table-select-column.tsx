import type { DisplayColumnDef, RowData } from "@tanstack/react-table";
import type { DataTableFeatures } from "./features";
import { RowCheckbox } from "./row-checkbox";

/**
 * The leading checkbox column for row selection (needs `enableRowSelection` in `useDataTable`). The header checkbox
 * selects every row on this page, and shows "indeterminate" when some are selected.
 */
export function getSelectColumn<TData extends RowData>(
  options: {
    /** Names the row for screen readers: "Select row" becomes "Select row: <label>". */
    getRowLabel?: (row: TData) => string;
  } = {},
): DisplayColumnDef<DataTableFeatures, TData, unknown> {
  const { getRowLabel } = options;
  return {
    id: "select",
    enableSorting: false,
    meta: { label: "Select", headerClassName: "w-10", cellClassName: "w-10" },
    header: ({ table }) => (
      <RowCheckbox
        aria-label="Select all on this page"
        checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
        disabled={table.getRowModel().rows.length === 0}
        onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked)}
      />
    ),
    cell: ({ row }) => (
      <RowCheckbox
        aria-label={getRowLabel ? `Select row: ${getRowLabel(row.original)}` : "Select row"}
        checked={row.getIsSelected()}
        disabled={!row.getCanSelect()}
        onCheckedChange={(checked) => row.toggleSelected(checked)}
        // The row itself reacts to Space/clicks (keyboard navigation); keep the checkbox's own toggle only.
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.stopPropagation()}
      />
    ),
  };
}
