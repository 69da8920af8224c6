import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

export interface DataTableSkeletonProps {
  columnCount: number;
  /** Body rows. Default 10. */
  rowCount?: number;
  /** Faceted filter buttons in the toolbar. Default 0. */
  filterCount?: number;
  /** Right-side toolbar buttons. Default 0. */
  actionCount?: number;
  /** Tailwind widths per column (e.g. `["w-10", "w-48"]`); missing entries are "auto". */
  cellWidths?: readonly string[];
  /** Default true. */
  withToolbar?: boolean;
  /** Default true. */
  withPagination?: boolean;
  className?: string;
}

/** Placeholder with the layout of `DataTable` (toolbar, header, rows, pagination), for `<Suspense fallback>`. */
export function DataTableSkeleton({
  columnCount,
  rowCount = 10,
  filterCount = 0,
  actionCount = 0,
  cellWidths = [],
  withToolbar = true,
  withPagination = true,
  className,
}: DataTableSkeletonProps) {
  const columns = Array.from({ length: columnCount }, (_, index) => cellWidths[index] ?? "w-auto");
  return (
    <div className={cn("flex flex-col gap-3", className)} role="status" aria-busy="true" aria-label="Loading table">
      {withToolbar ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-1 flex-wrap items-center gap-2">
            <Skeleton className="h-8 w-full sm:w-64 lg:w-80" />
            {Array.from({ length: filterCount }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
              <Skeleton key={index} className="h-8 w-24 border-dashed" />
            ))}
          </div>
          {actionCount > 0 ? (
            <div className="flex items-center gap-2">
              {Array.from({ length: actionCount }, (_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
                <Skeleton key={index} className="h-8 w-24" />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="w-full overflow-hidden rounded-md border">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b">
              {columns.map((width, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
                <th key={index} className={cn("h-10 px-2", width)}>
                  <Skeleton className="h-4 w-full max-w-24" />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rowCount }, (_, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
              <tr key={rowIndex} className="border-b last:border-0">
                {columns.map((width, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
                  <td key={index} className={cn("h-[41px] p-2", width)}>
                    <Skeleton className="h-4 w-full" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withPagination ? (
        <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 px-1">
          <Skeleton className="h-5 w-40" />
          <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
            <div className="flex items-center gap-2">
              <Skeleton className="h-5 w-24" />
              <Skeleton className="h-8 w-[4.5rem]" />
            </div>
            <Skeleton className="h-5 w-24" />
            <div className="flex items-center gap-1">
              <Skeleton className="hidden size-8 sm:block" />
              <Skeleton className="size-8" />
              <Skeleton className="size-8" />
              <Skeleton className="hidden size-8 sm:block" />
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
