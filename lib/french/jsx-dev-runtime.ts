// The development variant of lib/french/jsx-runtime.ts (same typography, React's jsxDEV).
import { Fragment, jsxDEV as reactJsxDEV } from "react/jsx-dev-runtime";
import { typesetProps } from "./host-text";

export type { JSX } from "react/jsx-dev-runtime";
export { Fragment };

export const jsxDEV: typeof reactJsxDEV = (type, props, key, isStatic, source, self) => {
  const typeset = typesetProps(type, props);
  // Joined strings may leave one child where JSX wrote several: no longer "static children".
  const stillStatic = isStatic && Array.isArray((typeset as { children?: unknown }).children);
  return reactJsxDEV(type, typeset, key, stillStatic, source, self);
};
