// The JSX runtime of the portal (tsconfig `jsxImportSource: "@/lib/french"`): React's own, with
// French typography applied to the text children of every element at the moment it is created
// (issue 16 item 7). This is the one place that sees all the copy pages and components write,
// server and client alike, so that no string carries its own no-break spaces and no page can
// forget to wrap its text. Host elements are not enough: a <Link> from next/link or a
// fragment passed as a label renders its children with React's own runtime, so the children
// of every element go through it. Attributes and <code>, <pre>, <textarea>… stay as written.
import { Fragment, jsx as reactJsx, jsxs as reactJsxs } from "react/jsx-runtime";
import { typesetProps } from "./host-text";

export type { JSX } from "react/jsx-runtime";
export { Fragment };

export const jsx: typeof reactJsx = (type, props, key) => reactJsx(type, typesetProps(type, props), key);
// Joining neighbouring strings can leave a single child where JSX wrote several: React's
// static-children form expects an array, so such an element is created as a plain one.
export const jsxs: typeof reactJsxs = (type, props, key) => {
  const typeset = typesetProps(type, props);
  return Array.isArray((typeset as { children?: unknown }).children) ? reactJsxs(type, typeset, key) : reactJsx(type, typeset, key);
};
