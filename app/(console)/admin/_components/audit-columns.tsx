"use client";

import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { createDataTableColumnHelper, DataTableColumnHeader } from "@/components/data-table";
import { Time } from "@/components/time/time";
import type { AuditRow } from "@/db/queries/audit";
import { describeAction, describeChange, resolveAuditTarget } from "@/lib/audit-words";

const columnHelper = createDataTableColumnHelper<AuditRow>();

function Person({ person }: { person: NonNullable<AuditRow["actor"]> }) {
  return (
    <Link
      href={`/admin/users/${person.id}`}
      className="inline-flex min-h-6 w-fit items-center hover:underline"
      title={person.name ?? undefined}
    >
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

function Target({ row }: { row: AuditRow }) {
  const target = resolveAuditTarget(row);
  const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;
  switch (target.kind) {
    case "user":
      return row.target ? <Person person={row.target} /> : muted("—");
    case "invitee":
      return (
        <span className="grid">
          {target.userId ? (
            <Link
              href={`/admin/users/${target.userId}`}
              className="inline-flex min-h-6 w-fit items-center hover:underline"
            >
              {target.email}
            </Link>
          ) : (
            <span>{target.email}</span>
          )}
          <span className="text-muted-foreground text-xs">{target.userId ? "invitee" : "invitee, no account"}</span>
        </span>
      );
    case "team":
      return <span>Team {target.label}</span>;
    case "organization":
      return <span>{target.label}</span>;
    case "role":
      return <span>Role {target.label}</span>;
    case "deleted-user":
      return muted(`${target.label} (deleted)`);
    case "none":
      return muted("—");
  }
}

/** Every id and metadata value of the row, each with a copy button; folded until asked for. */
function Details({ row }: { row: AuditRow }) {
  const entries: [string, string][] = [
    ["Event ID", row.id],
    ...(row.actor ? ([["Actor ID", row.actor.id]] as [string, string][]) : []),
    ...(row.impersonator ? ([["Impersonator ID", row.impersonator.id]] as [string, string][]) : []),
    ...(row.target ? ([["Target ID", row.target.id]] as [string, string][]) : []),
    ...(row.organization ? ([["Organization ID", row.organization.id]] as [string, string][]) : []),
    ...(row.userAgent ? ([["Browser", row.userAgent]] as [string, string][]) : []),
    ...Object.entries(row.metadata ?? {})
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]): [string, string] => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  ];
  return (
    <details className="group/details min-w-0 text-xs">
      <summary className="inline-flex min-h-6 cursor-pointer select-none items-center rounded-sm text-muted-foreground underline-offset-2 hover:underline">
        Details
      </summary>
      <dl className="mt-2 grid min-w-0 max-w-[min(28rem,80vw)] gap-1 text-left">
        {entries.map(([key, value]) => (
          <div key={key} className="flex min-w-0 items-start gap-1">
            <dt className="shrink-0 text-muted-foreground">{key}:</dt>
            <dd className="min-w-0 flex-1 break-all font-mono">{value}</dd>
            <CopyButton value={value} label={key} className="-my-1.5" />
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Columns of every audit table: when, what (a sentence), who (and who behind them), to whom, where, from where, why. */
export function getAuditColumns({ showTarget = true }: { showTarget?: boolean } = {}) {
  return columnHelper.columns([
    columnHelper.accessor("action", {
      id: "event",
      header: "Event",
      cell: (info) => {
        const change = describeChange(info.row.original.metadata);
        return (
          <span className="grid">
            <span className="font-medium">
              {describeAction(info.getValue())}
              {change ? <span className="font-normal">: {change}</span> : null}
            </span>
            <span className="font-mono text-muted-foreground text-xs">{info.getValue()}</span>
          </span>
        );
      },
      enableSorting: false,
      meta: { label: "Event", card: "title", cellClassName: "min-w-48 whitespace-normal" },
    }),
    columnHelper.accessor("at", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="When" />,
      cell: (info) => <Time value={info.getValue()} />,
      meta: { label: "When" },
    }),
    columnHelper.accessor("actor", {
      header: "Actor",
      cell: (info) => {
        const actor = info.getValue();
        const key = apiKeyActor(info.row.original);
        return (
          <span className="grid">
            {actor ? <Person person={actor} /> : <span className="text-muted-foreground">{key ?? "System"}</span>}
            {actor && key ? <span className="text-muted-foreground text-xs">through {key}</span> : null}
            {info.row.original.impersonator ? (
              <span className="text-muted-foreground text-xs">
                impersonated by <Person person={info.row.original.impersonator} />
              </span>
            ) : null}
          </span>
        );
      },
      enableSorting: false,
      meta: { label: "Actor" },
    }),
    ...(showTarget
      ? [
          columnHelper.accessor("target", {
            header: "Target",
            cell: (info) => <Target row={info.row.original} />,
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
          <Link
            href={`/admin/organizations/${org.id}`}
            className="inline-flex min-h-6 w-fit items-center hover:underline"
          >
            {org.name ?? org.slug ?? org.id}
          </Link>
        );
      },
      enableSorting: false,
      meta: { label: "Organization" },
    }),
    columnHelper.accessor("ip", {
      header: "IP",
      cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span>,
      enableSorting: false,
      meta: { label: "IP" },
    }),
    columnHelper.accessor("reason", {
      header: "Reason",
      cell: (info) => <span className="block max-w-64 whitespace-normal">{info.getValue() ?? "—"}</span>,
      enableSorting: false,
      meta: { label: "Reason" },
    }),
    columnHelper.display({
      id: "details",
      header: "Details",
      cell: ({ row }) => <Details row={row.original} />,
      meta: { label: "Details" },
    }),
  ]);
}
