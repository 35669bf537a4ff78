// Where React copy meets the typography (issue 16 item 7): the strings written as children of
// host elements (<p>, <h1>, <td>, <button>…), wherever they come from. Shared by the JSX
// runtime (lib/french/jsx-runtime.ts), which applies it to every element the portal renders,
// and by `typesetNode` (lib/french/react.tsx).
import { typeset } from "./typography";

// Elements whose text is not prose: code, identifiers typed by hand, scripts, form values.
export const VERBATIM = new Set(["code", "pre", "kbd", "samp", "script", "style", "textarea"]);

function typesetChild(child: unknown): unknown {
  if (typeof child === "string") return typeset(child);
  if (Array.isArray(child)) return child.map(typesetChild);
  return child;
}

/**
 * The props of a host element with its string children typeset. Only `children`: attributes
 * (values, URLs, identifiers, ARIA labels) stay as written. Nested elements are left to their
 * own creation, which goes through this function too.
 */
export function typesetHostProps<P>(type: unknown, props: P): P {
  if (typeof type !== "string" || VERBATIM.has(type) || props === null || typeof props !== "object") return props;
  const children = (props as { children?: unknown }).children;
  if (children === undefined || children === null || typeof children === "number" || typeof children === "boolean") return props;
  if (typeof children === "object" && !Array.isArray(children)) return props;
  const typeset = typesetChild(children);
  return { ...props, children: typeset };
}
