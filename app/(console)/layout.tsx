import type { ReactNode } from "react";
import { StepUpProvider } from "@/components/auth/step-up";
import { ReadOnlyProvider } from "@/components/forms/read-only";
import { AppSidebarContent } from "@/components/shell/app-sidebar";
import { BreadcrumbsFrame } from "@/components/shell/breadcrumbs-frame";
import { CommandPalette } from "@/components/shell/command-palette";
import { HeaderControls } from "@/components/shell/header-controls";
import { ImpersonationBanner } from "@/components/shell/impersonation-banner";
import { SessionKeeper } from "@/components/shell/session-keeper";
import { MobileSidebar, Sidebar } from "@/components/ui/sidebar";
import { getUsersByIds } from "@/db/queries/users";
import { isImpersonating, isOperator, isStaff, listMyOrganizationAccess, requireSession } from "@/lib/auth/guard";
import { sessionCacheRenewIn } from "@/lib/auth/server";
import { cn } from "@/lib/utils";
import "./page-reads"; // names each page's first read, to ride with the session check

// The shell only: navigation, the user menu and the impersonation banner. Each page still calls the guard itself.
export default async function ConsoleLayout({
  children,
  breadcrumbs,
}: {
  children: ReactNode;
  breadcrumbs: ReactNode;
}) {
  const session = await requireSession();
  const { user } = session;
  const impersonating = isImpersonating(session);
  const [organizations, [impersonator], renewInMs] = await Promise.all([
    listMyOrganizationAccess(),
    impersonating ? getUsersByIds([session.session.impersonatedBy as string]) : Promise.resolve([]),
    sessionCacheRenewIn(),
  ]);
  const shell = {
    organizations,
    activeOrganizationId: session.session.activeOrganizationId ?? null,
    staff: !impersonating && isStaff(user),
    operator: !impersonating && isOperator(user),
  };
  const nav = <AppSidebarContent {...shell} />;
  return (
    <div className="flex min-h-svh">
      <Sidebar>{nav}</Sidebar>
      <div className="flex min-w-0 flex-1 flex-col">
        {impersonating ? (
          <ImpersonationBanner
            impersonatorName={impersonator?.name ?? "An operator"}
            userId={user.id}
            userName={user.name}
            userEmail={user.email}
            expiresAt={new Date(session.session.expiresAt).toISOString()}
          />
        ) : null}
        {/* Tinted while impersonating: whose console this is stays obvious when the banner is out of mind. */}
        <header
          className={cn(
            "flex h-14 items-center gap-2 border-b px-4",
            impersonating && "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/60",
          )}
        >
          <MobileSidebar>{nav}</MobileSidebar>
          <BreadcrumbsFrame>{breadcrumbs}</BreadcrumbsFrame>
          <CommandPalette {...shell} readOnly={impersonating} />
          <HeaderControls name={user.name} email={user.email} image={user.image ?? null} />
        </header>
        <SessionKeeper renewInMs={renewInMs} />
        <main className="flex-1 px-4 py-6 sm:px-8">
          <StepUpProvider email={user.email}>
            <ReadOnlyProvider reason={impersonating ? "Not available while impersonating." : null}>
              {children}
            </ReadOnlyProvider>
          </StepUpProvider>
        </main>
      </div>
    </div>
  );
}
