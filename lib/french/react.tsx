// French typography for React copy (issue 16 item 7). Every element the portal's code creates
// already gets it from the JSX runtime (lib/french/jsx-runtime.ts); this helper remains for
// nodes built elsewhere (React.createElement, content handed to a library), and is harmless
// twice since the typography is idempotent.
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { VERBATIM } from "./host-text";
import { typeset } from "./typography";

/**
 * The node with `typeset` applied to every string it holds, down through the children of the
 * elements written inside it (not the text that other components produce on their own:
 * those apply it where they render).
 */
export function typesetNode(node: ReactNode): ReactNode {
  if (typeof node === "string") return typeset(node);
  if (Array.isArray(node)) return Children.map(node, typesetNode);
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<{ children?: ReactNode }>;
  if (typeof element.type === "string" && VERBATIM.has(element.type)) return element;
  if (element.props.children === undefined) return element;
  return cloneElement(element, undefined, typesetNode(element.props.children));
}

/** Renders its children with French typography. */
export function French({ children }: { children?: ReactNode }) {
  return <>{typesetNode(children)}</>;
}
