"use client";

import { LogOut, Plus, UserPlus, UserRound } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandSeparator,
} from "@/components/ui/command";
import { CreateOrganizationLauncher } from "./create-organization-launcher";
import { currentOrganization, type ShellOrganization } from "./current-org";
import { ACCOUNT_PAGES, adminPages, HOME_PAGE, type NavPage, type StaffNav } from "./nav-model";
import { orgPages } from "./org-pages";
import { signOut } from "./sign-out";

export interface CommandPaletteProps extends StaffNav {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
  /** An impersonation session: read-only, so no action that writes is offered. */
  readOnly: boolean;
}

interface PaletteUser {
  id: string;
  name: string;
  email: string;
}

interface UserSearch {
  query: string;
  users: PaletteUser[];
  state: "idle" | "loading" | "done" | "failed";
}

const IDLE: UserSearch = { query: "", users: [], state: "idle" };

/** The users the /admin/users search finds for what is typed (staff only; the route answers 403 to anyone else). */
function useUserSearch(search: string, enabled: boolean): UserSearch {
  const [result, setResult] = useState<UserSearch>(IDLE);
  const query = search.trim();
  useEffect(() => {
    if (!enabled || !query) {
      setResult(IDLE);
      return;
    }
    setResult((previous) => ({ ...previous, query, state: "loading" }));
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/users/search?q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { users: PaletteUser[] };
        setResult({ query, users: body.users, state: "done" });
      } catch {
        if (!controller.signal.aborted) setResult({ query, users: [], state: "failed" });
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, enabled]);
  return result;
}

/** What a screen reader hears about the user search (cmdk announces the highlighted option itself). */
function userSearchStatus({ state, users }: UserSearch): string {
  if (state === "loading") return "Searching users…";
  if (state === "failed") return "The user search failed. Try again.";
  if (state === "done")
    return users.length === 0 ? "No users match." : `${users.length} ${users.length === 1 ? "user" : "users"} found.`;
  return "";
}

function PageItems({ pages, context, go }: { pages: NavPage[]; context?: string; go: (href: string) => void }) {
  return pages.map(({ href, label, icon: Icon }) => (
    <CommandItem key={href} value={href} keywords={context ? [label, context] : [label]} onSelect={() => go(href)}>
      <Icon aria-hidden />
      <span>
        {label}
        {context ? <span className="text-muted-foreground">{` · ${context}`}</span> : null}
      </span>
    </CommandItem>
  ));
}

/**
 * The command palette (⌘K / Ctrl+K): the pages this viewer may open (from the same list as the sidebar), their
 * organizations, for staff the users the /admin/users search finds, and a few actions. Keyboard only; nothing is
 * listed that the guard would refuse (the pages and the search check again on the server).
 */
export function CommandPaletteDialog({
  organizations,
  activeOrganizationId,
  staff,
  operator,
  readOnly,
  open,
  onOpenChange,
}: CommandPaletteProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const pathname = usePathname();
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const users = useUserSearch(search, staff && open);
  // The highlighted item: the first user found once the search answers (it arrives after the pages were filtered).
  const [highlighted, setHighlighted] = useState("");
  const firstUser = users.users[0]?.id;
  useEffect(() => {
    if (firstUser) setHighlighted(`user:${firstUser}`);
  }, [firstUser]);
  const current = currentOrganization(organizations, pathname, activeOrganizationId);
  // The organization on screen first, then the others.
  const ordered = current ? [current, ...organizations.filter((org) => org.id !== current.id)] : organizations;

  function go(href: string) {
    onOpenChange(false);
    router.push(href);
  }
  function run(action: () => void) {
    onOpenChange(false);
    action();
  }

  return (
    <>
      <CommandDialog
        open={open}
        onOpenChange={(next) => {
          onOpenChange(next);
          if (!next) setSearch("");
        }}
        commandProps={{ value: highlighted, onValueChange: setHighlighted }}
        title="Search and commands"
        description={
          staff
            ? "Go to a page, find a user or an organization, or run an action."
            : "Go to a page or an organization, or run an action."
        }
      >
        <CommandInput
          value={search}
          onValueChange={setSearch}
          placeholder={staff ? "Pages, users, organizations, actions…" : "Pages, organizations, actions…"}
          aria-label="Search pages, organizations and actions"
        />
        <p className="sr-only" aria-live="polite">
          {userSearchStatus(users)}
        </p>
        <CommandList>
          <CommandEmpty>{users.state === "loading" ? "Searching…" : "Nothing matches."}</CommandEmpty>
          {staff && users.users.length > 0 ? (
            <CommandGroup heading="Users">
              {users.users.map((user) => (
                <CommandItem
                  key={user.id}
                  value={`user:${user.id}`}
                  keywords={[user.name, user.email, users.query]}
                  onSelect={() => go(`/admin/users/${encodeURIComponent(user.id)}`)}
                >
                  <UserRound aria-hidden />
                  <span className="truncate">
                    {user.name}
                    <span className="text-muted-foreground">{` · ${user.email}`}</span>
                  </span>
                </CommandItem>
              ))}
            </CommandGroup>
          ) : null}
          <CommandGroup heading="Pages">
            <PageItems pages={[HOME_PAGE, ...ACCOUNT_PAGES]} go={go} />
            <PageItems pages={adminPages({ staff, operator })} context="Admin" go={go} />
          </CommandGroup>
          {ordered.length > 0 ? (
            <CommandGroup heading="Organizations">
              {ordered.map((org) => (
                <PageItems key={org.id} pages={orgPages(org)} context={org.name} go={go} />
              ))}
            </CommandGroup>
          ) : null}
          <CommandSeparator />
          <CommandGroup heading="Actions">
            {readOnly ? null : (
              <CommandItem value="action:create-organization" onSelect={() => run(() => setCreating(true))}>
                <Plus aria-hidden /> Create organization
              </CommandItem>
            )}
            {!readOnly && current?.can.invitations ? (
              <CommandItem
                value="action:invite-members"
                keywords={[current.name]}
                onSelect={() => go(`/org/${current.slug}/invitations`)}
              >
                <UserPlus aria-hidden />
                <span>
                  Invite members<span className="text-muted-foreground">{` · ${current.name}`}</span>
                </span>
              </CommandItem>
            ) : null}
            <CommandItem value="action:sign-out" onSelect={() => run(() => void signOut())}>
              <LogOut aria-hidden /> Sign out
            </CommandItem>
          </CommandGroup>
        </CommandList>
      </CommandDialog>
      <CreateOrganizationLauncher open={creating} onOpenChange={setCreating} />
    </>
  );
}
