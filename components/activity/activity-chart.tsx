"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour, e.g. `var(--chart-1)`. */
  color: string;
}

export interface ActivityChartProps {
  data: Array<Record<string, number | string>>;
  series: ChartSeries[];
}

const shortDay = (day: unknown) => (typeof day === "string" ? day.slice(5) : "");

/**
 * The picture of one dashboard section: a bar per day, the series stacked (Recharts, as shadcn's chart). Its own
 * chunk, loaded after the page (lazy-activity-chart.tsx); the numbers are in the section's server-rendered table.
 */
export default function ActivityChart({ data, series }: ActivityChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="day"
          tickFormatter={shortDay}
          tickLine={false}
          axisLine={false}
          minTickGap={16}
          fontSize={12}
          stroke="var(--muted-foreground)"
        />
        <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="var(--muted-foreground)" />
        <Tooltip
          cursor={{ fill: "var(--muted)" }}
          contentStyle={{
            background: "var(--popover)",
            color: "var(--popover-foreground)",
            border: "1px solid var(--border)",
            borderRadius: 8,
            fontSize: 12,
          }}
        />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
