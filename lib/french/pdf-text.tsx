// React-PDF's Text with French typography (issue 16 item 7): every PDF of the portal (letters,
// dashboards, the guide, import listings) imports Text from here, so that their strings get
// the no-break spaces, "1er" and the one apostrophe style in one place.
import { Text as PdfText } from "@react-pdf/renderer";
import type { ComponentProps, ReactNode } from "react";
import { typesetNode } from "./react";

// React-PDF types its Text as HTML-like text or SVG text; the documents use the former.
type AnyTextProps = ComponentProps<typeof PdfText>;
export type TextProps = Extract<AnyTextProps, { render?: unknown }> & { children?: ReactNode };

export function Text({ children, render, ...props }: TextProps) {
  // React-PDF tests for the presence of `render`, not its value: pass it only when given.
  const dynamic = render ? { render: (args: Parameters<typeof render>[0]) => typesetNode(render(args)) as string } : {};
  return (
    <PdfText {...props} {...dynamic}>
      {typesetNode(children)}
    </PdfText>
  );
}
