import { PageSkeleton } from "@/components/shell/page-skeleton";

// Inside the layouts, which run the guard before anything streams: a refusal is sent with a real 404 status.
export default function Loading() {
  return <PageSkeleton />;
}
