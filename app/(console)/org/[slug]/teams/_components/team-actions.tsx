"use client";

import { MoreHorizontal } from "lucide-react";
import { LazyMenu, menuModule } from "@/components/lazy-menu";
import { Button } from "@/components/ui/button";

export interface TeamActionsOptions {
  organization: { id: string; slug: string };
  can: { update: boolean; delete: boolean };
}

export interface TeamActionsProps extends TeamActionsOptions {
  team: { id: string; name: string };
  /** Where to go after deleting (e.g. back to the list from the team's page). */
  afterDelete?: string;
}

// The menu and its dialogs (team-actions-menu.tsx) load and mount on first use (components/lazy-menu.tsx).
const menu = menuModule<TeamActionsProps>(() => import("./team-actions-menu").then((module) => module.TeamActionsMenu));

/** Rename and delete (with confirmation), for those who may. */
export function TeamActions(props: TeamActionsProps) {
  if (!props.can.update && !props.can.delete) return null;
  const trigger = (
    <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for team ${props.team.name}`}>
      <MoreHorizontal aria-hidden />
    </Button>
  );
  return <LazyMenu menu={menu} trigger={trigger} props={props} />;
}
