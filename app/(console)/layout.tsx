import type { ReactNode } from "react";
import { StepUpProvider } from "@/components/auth/step-up";
import { AppSidebarContent } from "@/components/shell/app-sidebar";
import { HeaderControls } from "@/components/shell/header-controls";
import { ImpersonationBanner } from "@/components/shell/impersonation-banner";
import { MobileSidebar, Sidebar } from "@/components/ui/sidebar";
import { getUsersByIds } from "@/db/queries/users";
import { isImpersonating, isOperator, isStaff, listMyOrganizationAccess, requireSession } from "@/lib/auth/guard";

// The shell only: navigation, the user menu and the impersonation banner. Each page still calls the guard itself.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const { user } = session;
  const impersonating = isImpersonating(session);
  const [organizations, [impersonator]] = await Promise.all([
    listMyOrganizationAccess(),
    impersonating ? getUsersByIds([session.session.impersonatedBy as string]) : Promise.resolve([]),
  ]);
  const nav = (
    <AppSidebarContent
      organizations={organizations}
      activeOrganizationId={session.session.activeOrganizationId ?? null}
      staff={!impersonating && isStaff(user)}
      operator={!impersonating && isOperator(user)}
    />
  );
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
        <header className="flex h-14 items-center gap-2 border-b px-4">
          <MobileSidebar>{nav}</MobileSidebar>
          <div className="flex-1" />
          <HeaderControls name={user.name} email={user.email} image={user.image ?? null} />
        </header>
        <main className="flex-1 px-4 py-6 sm:px-8">
          <StepUpProvider email={user.email}>{children}</StepUpProvider>
        </main>
      </div>
    </div>
  );
}
