"use client";

import { MoonIcon, SunIcon } from "lucide-react";
import { LazyMenu, menuModule } from "@/components/lazy-menu";
import { Button } from "@/components/ui/button";

const menu = menuModule<object>(() => import("./theme-toggle-menu").then((module) => module.ThemeToggleMenu));

/** Light, dark or system; the menu (theme-toggle-menu.tsx) loads on first use. */
export function ThemeToggle() {
  const trigger = (
    <Button variant="ghost" size="icon" className="relative">
      <SunIcon className="scale-100 rotate-0 transition-all dark:scale-0 dark:-rotate-90" />
      <MoonIcon className="absolute scale-0 rotate-90 transition-all dark:scale-100 dark:rotate-0" />
      <span className="sr-only">Toggle theme</span>
    </Button>
  );
  return <LazyMenu menu={menu} trigger={trigger} props={{}} />;
}
