// Where React copy meets the typography (issue 16 item 7): the strings written as children of
// the elements the portal creates (<p>, <h1>, <td>, <button>, but also <Link>, fragments
// passed as labels and hints, any component's children), wherever they come from. Shared by
// the JSX runtime (lib/french/jsx-runtime.ts), which applies it to every element created in
// the portal's code, and by `typesetNode` (lib/french/react.tsx).
import { typeset } from "./typography";

// Elements whose text is not prose: code, identifiers typed by hand, scripts, form values.
export const VERBATIM = new Set(["code", "pre", "kbd", "samp", "script", "style", "textarea"]);

/**
 * The children with their strings typeset. Consecutive strings and numbers of one list are
 * joined first: JSX splits "{name}{" "}: …" or "</strong>{" "}: …" into several strings,
 * and the space before ":" must be seen with the colon to become a no-break one.
 */
function typesetChildren(children: unknown): unknown {
  if (typeof children === "string") return typeset(children);
  if (!Array.isArray(children)) return children;
  const result: unknown[] = [];
  let text: string | null = null;
  let joined = false;
  // Whether the result differs from `children`: most lists have nothing to join or typeset,
  // and are then returned as they came (every element of every page goes through here).
  let changed = false;
  const flush = () => {
    if (text === null) return;
    const written = typeset(text);
    if (written !== text) changed = true;
    result.push(written);
    text = null;
  };
  for (const child of children) {
    if (typeof child === "string" || typeof child === "number") {
      if (text !== null) joined = changed = true;
      else if (typeof child === "number") changed = true;
      text = (text ?? "") + String(child);
      continue;
    }
    flush();
    const nested = Array.isArray(child) ? typesetChildren(child) : child;
    if (nested !== child) changed = true;
    result.push(nested);
  }
  flush();
  if (!changed) return children;
  // A single string stays a single string (an <option> or a <title> wants one).
  if (joined && result.length === 1 && typeof result[0] === "string") return result[0];
  return result;
}

/**
 * The props of an element with its string children typeset. Only `children`: attributes and
 * other props (values, URLs, identifiers, ARIA labels) stay as written; elements passed in
 * props (a label, a hint) are created by the same runtime, so their text is typeset too.
 * Render-prop children (functions) and the children of <code>, <pre>… are left alone.
 */
export function typesetProps<P>(type: unknown, props: P): P {
  if ((typeof type === "string" && VERBATIM.has(type)) || props === null || typeof props !== "object") return props;
  const children = (props as { children?: unknown }).children;
  if (typeof children !== "string" && !Array.isArray(children)) return props;
  const written = typesetChildren(children);
  return written === children ? props : { ...props, children: written };
}
