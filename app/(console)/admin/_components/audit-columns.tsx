"use client";

import Link from "next/link";
import { createDataTableColumnHelper, DataTableColumnHeader } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import type { AuditRow } from "@/db/queries/audit";
import { formatUtc } from "@/lib/dates";

const columnHelper = createDataTableColumnHelper<AuditRow>();

function Person({ person, fallback }: { person: AuditRow["actor"]; fallback?: string | null }) {
  if (!person) return <span className="text-muted-foreground">{fallback ?? "System"}</span>;
  return (
    <Link href={`/admin/users/${person.id}`} className="hover:underline" title={person.name ?? undefined}>
      {person.email ?? person.id}
    </Link>
  );
}

/** An organization API key that acted (the provisioning API): its name as the row recorded it. */
function apiKeyActor(row: AuditRow): string | null {
  if (!row.actorApiKeyId) return null;
  const name = (row.metadata?.apiKey as { name?: unknown } | undefined)?.name;
  return `API key ${typeof name === "string" ? name : row.actorApiKeyId}`;
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function metadataSummary(row: AuditRow): string {
  const entries = Object.entries(row.metadata ?? {}).filter(([, value]) => value !== null && value !== undefined);
  return entries.map(([key, value]) => `${key}: ${shown(value)}`).join("; ");
}

/** Columns of every audit table: when, who (and who behind them), what, to whom, where, why. */
export function getAuditColumns({ showTarget = true }: { showTarget?: boolean } = {}) {
  return columnHelper.columns([
    columnHelper.accessor("at", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="When" />,
      cell: (info) => (
        <time dateTime={new Date(info.getValue()).toISOString()} className="whitespace-nowrap">
          {formatUtc(info.getValue())}
        </time>
      ),
      meta: { label: "When" },
    }),
    columnHelper.accessor("actor", {
      header: "Actor",
      cell: (info) => (
        <span className="grid">
          <Person person={info.getValue()} fallback={apiKeyActor(info.row.original)} />
          {info.row.original.impersonator ? (
            <span className="text-muted-foreground text-xs">
              impersonated by <Person person={info.row.original.impersonator} />
            </span>
          ) : null}
        </span>
      ),
      enableSorting: false,
      meta: { label: "Actor" },
    }),
    columnHelper.accessor("action", {
      header: "Action",
      cell: (info) => (
        <Badge variant="outline" className="font-mono">
          {info.getValue()}
        </Badge>
      ),
      enableSorting: false,
      meta: { label: "Action" },
    }),
    ...(showTarget
      ? [
          columnHelper.accessor("target", {
            header: "Target",
            cell: (info) => {
              const metadata = info.row.original.metadata;
              const deleted = typeof metadata?.email === "string" ? `${metadata.email} (deleted)` : "—";
              return <Person person={info.getValue()} fallback={deleted} />;
            },
            enableSorting: false,
            meta: { label: "Target" },
          }),
        ]
      : []),
    columnHelper.accessor("organization", {
      header: "Organization",
      cell: (info) => {
        const org = info.getValue();
        if (!org) return <span className="text-muted-foreground">—</span>;
        return (
          <Link href={`/admin/organizations/${org.id}`} className="hover:underline">
            {org.slug ?? org.id}
          </Link>
        );
      },
      enableSorting: false,
      meta: { label: "Organization" },
    }),
    columnHelper.accessor("reason", {
      header: "Reason",
      cell: (info) => <span className="block max-w-72 whitespace-normal">{info.getValue() ?? "—"}</span>,
      enableSorting: false,
      meta: { label: "Reason" },
    }),
    columnHelper.display({
      id: "details",
      header: "Details",
      cell: ({ row }) => (
        <span className="block max-w-64 whitespace-normal text-muted-foreground text-xs">
          {[row.original.ip ? `IP ${row.original.ip}` : null, metadataSummary(row.original) || null]
            .filter(Boolean)
            .join(" · ") || "—"}
        </span>
      ),
      meta: { label: "Details" },
    }),
  ]);
}
