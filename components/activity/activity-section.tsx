import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActivityDay } from "@/db/queries/activity";
import type { ActivityCounter } from "@/lib/activity";
import type { ChartSeries } from "./activity-chart";
import { LazyActivityChart } from "./lazy-activity-chart";

export interface SectionSeries extends ChartSeries {
  /** The counters added up into this series. */
  counters: readonly ActivityCounter[];
}

interface ActivitySectionProps {
  title: string;
  description?: string;
  days: ActivityDay[];
  series: SectionSeries[];
  /** Figures shown beside the title (e.g. WAU and MAU), also read out. */
  figures?: Array<{ label: string; value: number }>;
  link?: { href: string; label: string };
}

const sum = (counts: ActivityDay["counts"], counters: readonly ActivityCounter[]) =>
  counters.reduce((total, counter) => total + (counts[counter] ?? 0), 0);

/**
 * One dashboard section: its totals, the chart (loaded lazily, hidden from screen readers) and the same numbers as a
 * table rendered on the server, one row per day that had any, newest first.
 */
export function ActivitySection({ title, description, days, series, figures = [], link }: ActivitySectionProps) {
  const rows = days.map((d) => ({ day: d.day, values: series.map((s) => sum(d.counts, s.counters)) }));
  const totals = series.map((_, i) => rows.reduce((total, row) => total + (row.values[i] ?? 0), 0));
  const data = rows.map((row) => ({
    day: row.day,
    ...Object.fromEntries(series.map((s, i) => [s.key, row.values[i] ?? 0])),
  }));
  const nonEmpty = rows.filter((row) => row.values.some((v) => v > 0)).reverse();
  const chartSeries = series.map(({ key, label, color }) => ({ key, label, color }));
  const id = `activity-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <Card aria-labelledby={id} role="region" className="gap-4">
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {series.map((s, i) => (
            <div key={s.key} className="flex items-center gap-2">
              <span aria-hidden className="size-2.5 rounded-sm" style={{ background: s.color }} />
              <dt className="text-muted-foreground">{s.label}</dt>
              <dd className="font-medium tabular-nums">{(totals[i] ?? 0).toLocaleString("en-US")}</dd>
            </div>
          ))}
          {figures.map((f) => (
            <div key={f.label} className="flex items-center gap-2">
              <dt className="text-muted-foreground">{f.label}</dt>
              <dd className="font-medium tabular-nums">{f.value.toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
      </CardHeader>
      <CardContent className="grid gap-4">
        {/* Out of the tab order and the accessibility tree: the table view below carries the same numbers. */}
        <div aria-hidden inert className="h-40 w-full">
          <LazyActivityChart data={data} series={chartSeries} />
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">Table view</summary>
          <div className="mt-2 max-h-64 overflow-y-auto">
            <table className="w-full text-left tabular-nums">
              <caption className="sr-only">{title}, per day (UTC), days with activity</caption>
              <thead>
                <tr className="border-b">
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Day
                  </th>
                  {series.map((s) => (
                    <th key={s.key} scope="col" className="py-1 pr-4 font-medium">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {nonEmpty.map((row) => (
                  <tr key={row.day} className="border-b last:border-0">
                    <th scope="row" className="py-1 pr-4 font-normal">
                      {row.day}
                    </th>
                    {row.values.map((v, i) => (
                      <td key={series[i]?.key} className="py-1 pr-4">
                        {v.toLocaleString("en-US")}
                      </td>
                    ))}
                  </tr>
                ))}
                {nonEmpty.length === 0 ? (
                  <tr>
                    <td colSpan={series.length + 1} className="py-1 text-muted-foreground">
                      Nothing in this period.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </details>
        {link ? (
          <Link href={link.href} className="text-sm underline underline-offset-4">
            {link.label}
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}
