"use client";

import { MoreHorizontal } from "lucide-react";
import { LazyMenu, menuModule } from "@/components/lazy-menu";
import { Button } from "@/components/ui/button";
import type { MemberWithTeams } from "@/db/queries/members";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import type { MembersColumnsOptions } from "./members-table-columns";

export interface MemberActionsProps extends MembersColumnsOptions {
  member: MemberWithTeams;
}

// The menu and its dialogs (member-actions-menu.tsx) load and mount on first use (components/lazy-menu.tsx): a page
// of members renders one plain button each, not twenty closed menus and forty closed dialogs.
const menu = menuModule<MemberActionsProps>(() =>
  import("./member-actions-menu").then((module) => module.MemberActionsMenu),
);

/** Change role, transfer ownership, remove: each shown only when the viewer may do it (the server checks again). */
export function MemberActions(props: MemberActionsProps) {
  const hydrated = useHydrated(); // a press before hydration would open nothing
  // The rules' verdicts for this row (lib/auth/rules.ts, asked on the server): only owners touch owners, nobody but an
  // owner changes their own role.
  const flags = props.flags[props.member.id];
  if (!flags?.changeRole && !flags?.remove && !flags?.transfer) return null;
  const trigger = (
    <Button
      variant="ghost"
      size="icon"
      className="size-8"
      disabled={!hydrated}
      aria-label={`Actions for ${props.member.name}`}
    >
      <MoreHorizontal aria-hidden />
    </Button>
  );
  return <LazyMenu menu={menu} trigger={trigger} props={props} />;
}
