// HELP-2 acknowledgement of an assistance request, rendered fast (SPEC: ticket creation p95
// under 300 ms at 20 clients). React Email takes tens of milliseconds of CPU per message, most
// of a ticket's cost. The message has a handful of shapes (which optional lines it carries),
// so each shape is rendered once per process with markers in place of the values
// (lib/mail/bulk-template.ts, as for import welcomes), then filled per ticket. A shape the
// markers cannot follow, or values the plain-text conversion would reflow (line breaks,
// runs of spaces), get a full render: the fast path never changes what is sent.
import "server-only";
import { prepareBulkTemplate, type BulkTemplate } from "../mail/bulk-template";
import { renderEmail, type RenderedEmail } from "../mail/render";
import type { TicketReceivedEmailData } from "../mail/templates";

const OPTIONAL = ["identifier", "organisationName", "message", "contextLine"] as const;
type Values = Record<string, string>;

const shapes = new Map<string, Promise<BulkTemplate<Values> | null>>();

/** Text that html-to-text would keep exactly as filled in (it collapses whitespace runs). */
const PLAIN = /^[^\s]+(?: [^\s]+)*$/;

export async function renderTicketAcknowledgement(data: TicketReceivedEmailData): Promise<RenderedEmail> {
  const present = OPTIONAL.filter((name) => data[name] !== null && data[name] !== undefined);
  const variables = ["number", "categoryLabel", "followUrl", ...present];
  const values: Values = Object.fromEntries(variables.map((name) => [name, String(data[name as keyof TicketReceivedEmailData])]));
  if (!Object.values(values).every((value) => PLAIN.test(value))) return renderEmail({ template: "ticket-received", data });

  const shape = present.join(",");
  let template = shapes.get(shape);
  if (!template) {
    const fixed = Object.fromEntries(OPTIONAL.filter((name) => !present.includes(name)).map((name) => [name, null]));
    // The marker-checked preparation is typed for always-present string fields; the optional
    // ones present in this shape are strings here, which is what the cast says.
    template = prepareBulkTemplate("ticket-received", fixed as never, variables as never[], values as never) as Promise<BulkTemplate<Values> | null>;
    shapes.set(shape, template);
  }
  const prepared = await template;
  return prepared ? prepared.fill(values) : renderEmail({ template: "ticket-received", data });
}
