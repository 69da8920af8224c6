import type { ReactNode } from "react";
import { AppSidebarContent } from "@/components/shell/app-sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { ThemeToggle } from "@/components/theme-toggle";
import { MobileSidebar, Sidebar } from "@/components/ui/sidebar";
import { isOperator, listMyOrganizationAccess, requireSession } from "@/lib/auth/guard";

// The shell only: navigation and the user menu. Each page still calls the guard itself.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { user, session } = await requireSession();
  const organizations = await listMyOrganizationAccess();
  const nav = (
    <AppSidebarContent
      organizations={organizations}
      activeOrganizationId={session.activeOrganizationId ?? null}
      operator={isOperator(user)}
    />
  );
  return (
    <div className="flex min-h-svh">
      <Sidebar>{nav}</Sidebar>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-2 border-b px-4">
          <MobileSidebar>{nav}</MobileSidebar>
          <div className="flex-1" />
          <ThemeToggle />
          <UserMenu name={user.name} email={user.email} image={user.image ?? null} />
        </header>
        <main className="flex-1 px-4 py-6 sm:px-8">{children}</main>
      </div>
    </div>
  );
}
