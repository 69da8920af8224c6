"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// Recharts is its own chunk, fetched after the page has loaded: no page's first-load JS carries it, and the server
// never renders it (the section's table carries the numbers).
const ActivityChart = dynamic(() => import("./activity-chart"), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

export { ActivityChart as LazyActivityChart };
