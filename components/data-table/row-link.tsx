"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";
import { isPlainClick } from "@/lib/navigation/plain-click";

/**
 * A link in a table cell: a plain anchor whose plain click navigates client-side, as next/link's does, without
 * next/link's work per instance (its hooks, prefetch observer and ref merging), which a page of rows paid once a row
 * on every server render (README, "Performance"). A modified click (new tab, new window) is the browser's.
 */
export function RowLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    router.push(href);
  };
  return (
    <a href={href} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
