"use client";

import { useTable } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { type SessionRow, sessionsTableColumns, sessionsTableFeatures } from "./sessions-table-columns";

interface SessionsTableProps {
  rows: SessionRow[];
}

/** The user's sessions: a handful of rows, so no paging or sorting, just TanStack Table's rendering. */
export function SessionsTable({ rows }: SessionsTableProps) {
  const table = useTable({
    features: sessionsTableFeatures,
    columns: sessionsTableColumns,
    data: rows,
    getRowId: (row) => row.id,
  });

  return (
    <div className="rounded-md border">
      <Table aria-label="Your sessions">
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => (
                <TableHead key={header.id}>
                  <table.FlexRender header={header} />
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-current={row.original.current || undefined}>
              {row.getAllCells().map((cell) => (
                <TableCell key={cell.id}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length <= 1 ? (
        <p className="border-t p-4 text-center text-muted-foreground text-sm">You are not signed in anywhere else.</p>
      ) : null}
    </div>
  );
}
