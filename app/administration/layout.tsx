import type { ReactNode } from "react";
import { AdministrationNav } from "@/components/administration/administration-nav";

// Each page of the console checks the administrator itself (requireAdministrator): a
// layout does not run for every request, so it is only the navigation.
export default function AdministrationLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <AdministrationNav />
      {children}
    </div>
  );
}
