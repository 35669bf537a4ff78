// One answer of the help centre, from its light markup (lib/help/text.ts): paragraphs,
// numbered steps, lists, links to the pages of the portal.
import Link from "next/link";
import type { HelpBlock } from "@/lib/help/content";
import { parseInline } from "@/lib/help/text";
import { typeset } from "@/lib/french/typography";

function Inline({ source }: { source: string }) {
  return (
    <>
      {parseInline(source).map((part, index) =>
        "href" in part ? (
          <Link key={index} href={part.href}>
            {typeset(part.text)}
          </Link>
        ) : (
          <span key={index}>{typeset(part.text)}</span>
        ),
      )}
    </>
  );
}

export function HelpAnswer({ blocks }: { blocks: HelpBlock[] }) {
  return (
    <div className="space-y-3 text-slate-800">
      {blocks.map((block, index) =>
        typeof block === "string" ? (
          <p key={index}>
            <Inline source={block} />
          </p>
        ) : "steps" in block ? (
          <ol key={index} className="list-decimal space-y-1 pl-6">
            {block.steps.map((step, stepIndex) => (
              <li key={stepIndex}>
                <Inline source={step} />
              </li>
            ))}
          </ol>
        ) : (
          <ul key={index} className="list-disc space-y-1 pl-6">
            {block.points.map((point, pointIndex) => (
              <li key={pointIndex}>
                <Inline source={point} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
