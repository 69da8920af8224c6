"use client";

import {
  type ComponentType,
  cloneElement,
  type LazyExoticComponent,
  lazy,
  type ReactElement,
  Suspense,
  useState,
} from "react";

type Trigger = ReactElement<{
  onClick?: () => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  "aria-haspopup"?: "menu";
  "aria-expanded"?: boolean;
}>;

export type MenuProps<P> = P & {
  /** The button that opens the menu; the menu module wraps it in its Radix trigger. */
  trigger: Trigger;
};

export interface MenuModule<P> {
  Menu: LazyExoticComponent<ComponentType<MenuProps<P>>>;
  preload: () => void;
}

/** A menu component loaded on first use (module level: one per menu). */
export function menuModule<P>(load: () => Promise<ComponentType<MenuProps<P>>>): MenuModule<P> {
  return { Menu: lazy(() => load().then((component) => ({ default: component }))), preload: () => void load() };
}

/**
 * A dropdown menu whose Radix code (the menu, popper and focus scope: ~21 KiB gzip) loads on first use instead of
 * with every console page: until then its trigger is a plain button that looks the same, fetches the menu module
 * when hovered or focused, and on a press mounts the menu already open (`defaultOpen`). Each console page carries
 * three such menus in its shell, and tables their filter menus (bench: first-load JS).
 */
export function LazyMenu<P extends object>({
  menu,
  trigger,
  props,
}: {
  menu: MenuModule<P>;
  trigger: Trigger;
  props: P;
}) {
  const [used, setUsed] = useState(false);
  if (!used) {
    return cloneElement(trigger, {
      onClick: () => setUsed(true),
      onPointerEnter: menu.preload,
      onFocus: menu.preload,
      "aria-haspopup": "menu",
      "aria-expanded": false,
    });
  }
  return (
    <Suspense fallback={trigger}>
      <menu.Menu trigger={trigger} {...props} />
    </Suspense>
  );
}
