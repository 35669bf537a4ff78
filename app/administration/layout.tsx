import type { ReactNode } from "react";
import { AdministrationNav } from "@/components/administration/administration-nav";
import { currentViewer } from "@/lib/auth/viewer";

// Each page of the console checks its guard itself (requireOrganisationManager, or
// requireAdministrator for subscriptions and deputies): a layout does not run for every
// request, so it only chooses the navigation. A deputy (DEP-1) is not shown the pages that
// stay with the administrator.
export default async function AdministrationLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  return (
    <div className="space-y-6">
      <AdministrationNav administrator={viewer?.role === "ADMINISTRATOR"} />
      {children}
    </div>
  );
}
