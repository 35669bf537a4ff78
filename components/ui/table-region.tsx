import type { ReactNode } from "react";

/**
 * A wide table's own scrolling region (WCAG 1.4.10, issue 16 item 8): on a phone or at 200 %
 * zoom the table scrolls sideways inside it, never the page. The region is named (the table's
 * caption, usually) and focusable, so that keyboard users can scroll it too. It is positioned:
 * the visually hidden texts of the table (sr-only, absolutely placed) would otherwise take the
 * page as their containing block and widen it from outside the scrolling region.
 */
export function TableRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
