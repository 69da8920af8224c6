"use client";

import { cva, type VariantProps } from "class-variance-authority";
import { MenuIcon } from "lucide-react";
import { usePathname } from "next/navigation";
import * as Slot from "radix-ui/slot";
import * as React from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * A simplified shadcn-style sidebar: a static `<aside>` on md+ screens, and `MobileSidebar` (a Sheet) below md.
 * Render the same navigation in both: `<Sidebar>{nav}</Sidebar>` and `<MobileSidebar>{nav}</MobileSidebar>`.
 */
export function Sidebar({ className, ...props }: React.ComponentProps<"aside">) {
  return (
    <aside
      data-slot="sidebar"
      className={cn(
        "bg-sidebar text-sidebar-foreground border-sidebar-border sticky top-0 hidden h-svh w-64 shrink-0 flex-col border-r md:flex",
        className,
      )}
      {...props}
    />
  );
}

export interface MobileSidebarProps {
  children: React.ReactNode;
  /** Accessible title of the navigation sheet (visually hidden). */
  title?: string;
  className?: string;
  triggerClassName?: string;
}

// The sheet (Radix's dialog, focus scope and portal) loads on first use, as the shell's menus do (LazyMenu): until
// then the menu button is a plain button, and a page renders no closed dialog.
const loadSheet = () => import("./mobile-sidebar-sheet");
const MobileSidebarSheet = React.lazy(() => loadSheet().then((module) => ({ default: module.MobileSidebarSheet })));
const preloadSheet = () => void loadSheet();

export function MobileSidebar({ children, title = "Navigation", className, triggerClassName }: MobileSidebarProps) {
  const pathname = usePathname();
  const [open, setOpen] = React.useState(false);
  const [used, setUsed] = React.useState(false);
  const [openedAt, setOpenedAt] = React.useState(pathname);

  // Close the sheet once a link inside it has navigated somewhere else.
  if (pathname !== openedAt) {
    setOpenedAt(pathname);
    setOpen(false);
  }

  const trigger = (
    <Button variant="ghost" size="icon" className={cn("md:hidden", triggerClassName)}>
      <MenuIcon />
      <span className="sr-only">Open navigation</span>
    </Button>
  );
  if (!used) {
    return React.cloneElement(trigger, {
      onClick: () => {
        setUsed(true);
        setOpen(true);
      },
      onPointerEnter: preloadSheet,
      onFocus: preloadSheet,
      "aria-haspopup": "dialog",
      "aria-expanded": false,
    } as React.ComponentProps<typeof Button>);
  }
  return (
    <React.Suspense fallback={trigger}>
      <MobileSidebarSheet trigger={trigger} open={open} onOpenChange={setOpen} title={title} className={className}>
        {children}
      </MobileSidebarSheet>
    </React.Suspense>
  );
}

export function SidebarHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="sidebar-header" className={cn("flex flex-col gap-2 p-2", className)} {...props} />;
}

export function SidebarContent({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="sidebar-content"
      className={cn("flex min-h-0 flex-1 flex-col gap-2 overflow-auto", className)}
      {...props}
    />
  );
}

export function SidebarFooter({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="sidebar-footer" className={cn("flex flex-col gap-2 p-2", className)} {...props} />;
}

export function SidebarGroup({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="sidebar-group" className={cn("relative flex w-full min-w-0 flex-col p-2", className)} {...props} />
  );
}

export interface SidebarGroupLabelProps extends React.ComponentProps<"div"> {
  asChild?: boolean;
}

export function SidebarGroupLabel({ className, asChild = false, ...props }: SidebarGroupLabelProps) {
  const Comp = asChild ? Slot.Root : "div";

  return (
    <Comp
      data-slot="sidebar-group-label"
      className={cn(
        "text-sidebar-foreground/70 ring-sidebar-ring flex h-8 shrink-0 items-center rounded-md px-2 text-xs font-medium outline-hidden focus-visible:ring-2 [&>svg]:size-4 [&>svg]:shrink-0",
        className,
      )}
      {...props}
    />
  );
}

export function SidebarMenu({ className, ...props }: React.ComponentProps<"ul">) {
  return <ul data-slot="sidebar-menu" className={cn("flex w-full min-w-0 flex-col gap-1", className)} {...props} />;
}

export function SidebarMenuItem({ className, ...props }: React.ComponentProps<"li">) {
  return <li data-slot="sidebar-menu-item" className={cn("group/menu-item relative", className)} {...props} />;
}

export const sidebarMenuButtonVariants = cva(
  // The base classes are in app/globals.css (`.ui-sidebar-button`): every console page renders a dozen of these.
  "ui-sidebar-button",
  {
    variants: {
      size: {
        default: "h-8 text-sm",
        sm: "h-7 text-xs",
        lg: "h-12 text-sm",
      },
    },
    defaultVariants: {
      size: "default",
    },
  },
);

export interface SidebarMenuButtonProps
  extends React.ComponentProps<"button">,
    VariantProps<typeof sidebarMenuButtonVariants> {
  asChild?: boolean;
  /** Marks the entry as the current page: sets `data-active` and `aria-current="page"`. */
  isActive?: boolean;
}

export function SidebarMenuButton({
  className,
  size,
  asChild = false,
  isActive = false,
  ...props
}: SidebarMenuButtonProps) {
  const Comp = asChild ? Slot.Root : "button";

  return (
    <Comp
      data-slot="sidebar-menu-button"
      data-size={size ?? "default"}
      data-active={isActive}
      aria-current={isActive ? "page" : undefined}
      className={cn(sidebarMenuButtonVariants({ size }), className)}
      {...props}
    />
  );
}
