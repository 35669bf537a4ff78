import type { ReactNode } from "react";
import { typesetNode } from "@/lib/french/react";

const STYLES = {
  error: "border-red-700 bg-red-50 text-red-900",
  success: "border-green-700 bg-green-50 text-green-900",
  info: "border-brand-700 bg-brand-50 text-brand-900",
  warning: "border-amber-700 bg-amber-50 text-amber-950",
} as const;

/**
 * A message block. Errors are announced at once (role="alert"); other messages politely
 * (role="status").
 */
export function Alert({
  kind,
  title,
  children,
  id,
  tabIndex,
}: {
  kind: keyof typeof STYLES;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  tabIndex?: number;
}) {
  return (
    <div
      id={id}
      tabIndex={tabIndex}
      role={kind === "error" ? "alert" : "status"}
      className={`rounded border-l-4 px-4 py-3 ${STYLES[kind]}`}
    >
      {title ? <p className="font-semibold">{typesetNode(title)}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{typesetNode(children)}</div> : null}
    </div>
  );
}
