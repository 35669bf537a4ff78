// The development variant of lib/french/jsx-runtime.ts (same typography, React's jsxDEV).
import { Fragment, jsxDEV as reactJsxDEV } from "react/jsx-dev-runtime";
import { typesetProps } from "./host-text";

export type { JSX } from "react/jsx-dev-runtime";
export { Fragment };

export const jsxDEV: typeof reactJsxDEV = (type, props, key, isStatic, source, self) =>
  reactJsxDEV(type, typesetProps(type, props), key, isStatic, source, self);
