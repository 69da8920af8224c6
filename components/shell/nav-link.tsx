"use client";

import { usePathname, useRouter } from "next/navigation";
import { type FocusEvent, type MouseEvent, type ReactNode, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { isPlainClick } from "@/lib/navigation/plain-click";

interface NavLinkProps {
  href: string;
  children: ReactNode;
  exact?: boolean;
  /** This link's page is on its way (see `useNavClicks`). */
  pending?: boolean;
}

/**
 * A sidebar link that marks itself as the current page, and as loading while its page is on its way: a plain anchor,
 * whose clicks the navigation around it turns into client-side navigations (`useNavClicks`). Not next/link: its
 * per-link work (hooks, a prefetch observer, ref merging, its status context) was paid for a dozen links on every
 * console page's server render, and its prefetch of every link in view asked the worker for a dozen renders per page
 * view; the sidebar prefetches the one a pointer or the keyboard reaches instead.
 */
export function NavLink({ href, children, exact, pending = false }: NavLinkProps) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <a
      href={href}
      data-slot="sidebar-menu-button"
      data-size="default"
      data-active={active}
      aria-current={active ? "page" : undefined}
      className="ui-sidebar-button h-8 text-sm"
    >
      {children}
      {pending ? <Spinner className="ml-auto size-3.5" role="presentation" aria-hidden /> : null}
    </a>
  );
}

/** The same-site link an event happened in, if any. */
function linkOf(event: { target: EventTarget }): string | null {
  const link = (event.target as Element).closest?.("a[href^='/']");
  return link?.getAttribute("href") ?? null;
}

/**
 * Navigation for the plain links inside an element: a plain click navigates client-side (a modified one, for a new tab
 * or window, stays the browser's), a link reached by pointer or keyboard is prefetched, and the link clicked is
 * `pendingHref` until the path changes.
 */
export function useNavClicks() {
  const router = useRouter();
  const pathname = usePathname();
  const [clicked, setClicked] = useState<{ href: string; from: string } | null>(null);
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const href = linkOf(event);
    if (!href || !isPlainClick(event)) return;
    event.preventDefault();
    if (href !== pathname) setClicked({ href, from: pathname });
    router.push(href);
  };
  const prefetch = (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => {
    const href = linkOf(event);
    if (href && href !== pathname) router.prefetch(href);
  };
  return {
    handlers: { onClick, onPointerOver: prefetch, onFocus: prefetch },
    pendingHref: clicked && clicked.from === pathname ? clicked.href : null,
  };
}
