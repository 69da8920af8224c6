import Link from "next/link";
import { cn } from "@/lib/utils";

interface PeopleTabsProps {
  slug: string;
  current: "members" | "invitations";
}

/** Members and their pending invitations as two tabs of one place (each tab its own URL). */
export function PeopleTabs({ slug, current }: PeopleTabsProps) {
  const tabs = [
    { key: "members", href: `/org/${slug}/members`, label: "Members" },
    { key: "invitations", href: `/org/${slug}/invitations`, label: "Invitations" },
  ] as const;
  return (
    <nav aria-label="Members and invitations" className="-mt-2 mb-6 flex gap-1 border-b">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn(
            "-mb-px inline-flex min-h-9 items-center border-b-2 px-3 font-medium text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring",
            tab.key === current
              ? "border-foreground text-foreground"
              : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
