"use client";

import { lazyDialog } from "@/components/forms/lazy-dialog";
import { preloadOrganizationWrites } from "@/lib/organization/writes";

/**
 * The dialog around a custom role's editor. The editor (the permission matrix, react-hook-form, zod's role-name
 * check) loads when the dialog first opens, not with the roles page; better-auth's client starts loading with it.
 */
export const RoleEditorDialog = lazyDialog(() => {
  preloadOrganizationWrites();
  return import("./role-editor-form").then((module) => module.RoleEditorForm);
});
