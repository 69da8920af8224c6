export type { DataTableProps, DataTableSelection } from "./data-table";
export { DataTable } from "./data-table";
export type { DataTableColumnHeaderProps } from "./data-table-column-header";
export { DataTableColumnHeader, getIsServerSortable, toggleColumnSort } from "./data-table-column-header";
export type { DataTableFacetedFilterProps, DataTableFilterOption } from "./data-table-faceted-filter";
export { DataTableFacetedFilter } from "./data-table-faceted-filter";
export type { DataTablePaginationProps } from "./data-table-pagination";
export { DataTablePagination } from "./data-table-pagination";
export { getSelectColumn } from "./data-table-select-column";
export type { DataTableSkeletonProps } from "./data-table-skeleton";
export { DataTableSkeleton } from "./data-table-skeleton";
export type { DataTableToolbarProps } from "./data-table-toolbar";
export { DataTableToolbar } from "./data-table-toolbar";
export type {
  DataTableColumnDef,
  DataTableColumnMeta,
  DataTableFeatures,
  DataTableInstance,
  DataTableMeta,
  DataTableRow,
} from "./features";
export { createDataTableColumnHelper, dataTableFeatures } from "./features";
export type { DataTableController, UseDataTableOptions } from "./use-data-table";
export { countedRows, SEARCH_DEBOUNCE_MS, useDataTable } from "./use-data-table";
