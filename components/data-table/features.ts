import {
  type CellData,
  type ColumnDef,
  type ColumnHelper,
  columnFilteringFeature,
  createColumnHelper,
  type ReactTable,
  type Row,
  type RowData,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import type { SortValue } from "@/lib/data-table/search-params";

/** Per-column options read by the data-table components (`meta` in a column definition). */
export interface DataTableColumnMeta {
  /** Human name of the column, used by the skeleton and as the sort button's name when `header` is not a string. */
  label?: string;
  /** Extra classes for the column's `<th>`. */
  headerClassName?: string;
  /** Extra classes for the column's `<td>`s. */
  cellClassName?: string;
  /**
   * Its place in the card each row becomes below `md`: "title" (the card's first line, no label; default: the first
   * column other than "select" and "actions"), "hidden" (left out of the card), or by default a labelled line.
   */
  card?: "title" | "hidden";
}

/** Table-level state the components need besides TanStack's (`table.options.meta`). */
export interface DataTableMeta {
  /** The order used when the URL has none; the column header's sort cycle skips steps that would not change it. */
  defaultSort: SortValue | null;
  /** Columns the server can sort by: only these get a sort button. */
  sortable: readonly string[];
  /** Page sizes offered by the pagination. */
  perPageOptions: readonly number[];
  /** True while a URL change is being rendered by the server. */
  isPending: boolean;
  /** With no `rowCount`: there are at least this many rows, not counted further ("1–20 of 1,000+ rows"). */
  rowCountAtLeast?: number;
}

/**
 * The single feature set of every data table (TanStack Table v9): server-side pagination, sorting and filtering
 * (manual modes) plus row selection.
 */
export const dataTableFeatures = tableFeatures({
  rowPaginationFeature,
  rowSortingFeature,
  rowSelectionFeature,
  columnFilteringFeature,
  tableMeta: {} as DataTableMeta,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableInstance<TData extends RowData> = ReactTable<DataTableFeatures, TData>;
export type DataTableRow<TData extends RowData> = Row<DataTableFeatures, TData>;
export type DataTableColumnDef<TData extends RowData, TValue extends CellData = CellData> = ColumnDef<
  DataTableFeatures,
  TData,
  TValue
>;

/** `createColumnHelper<DataTableFeatures, TData>()`: `const columnHelper = createDataTableColumnHelper<User>()`. */
export function createDataTableColumnHelper<TData extends RowData>(): ColumnHelper<DataTableFeatures, TData> {
  return createColumnHelper<DataTableFeatures, TData>();
}
