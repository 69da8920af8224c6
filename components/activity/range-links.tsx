import Link from "next/link";
import { ACTIVITY_RANGES, type ActivityRange } from "@/db/queries/activity";
import { cn } from "@/lib/utils";

/** Parses `?range=` of a dashboard: 7, 30 or 90 days (30 otherwise). */
export function parseRange(value: string | string[] | undefined): ActivityRange {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return (ACTIVITY_RANGES as readonly number[]).includes(n) ? (n as ActivityRange) : 30;
}

/** The period switch of a dashboard: plain links (no client JS), the current one marked for screen readers. */
export function RangeLinks({ pathname, range }: { pathname: string; range: ActivityRange }) {
  return (
    <nav aria-label="Period" className="flex gap-1 rounded-lg border p-1 text-sm">
      {ACTIVITY_RANGES.map((r) => (
        <Link
          key={r}
          href={`${pathname}?range=${r}`}
          aria-current={r === range ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1",
            r === range ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-muted",
          )}
        >
          {r} days
        </Link>
      ))}
    </nav>
  );
}
