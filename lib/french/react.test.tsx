import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NBSP, NNBSP } from "./typography";
import { French } from "./react";

describe("issue 16 item 7 — one helper typesets React copy", () => {
  it("applies the typography to every string written inside, through nested elements", () => {
    const html = renderToStaticMarkup(
      <French>
        <p>
          Identifiant : <strong>« claire ! »</strong> le 1 mars ; l’équipe
        </p>
      </French>,
    );
    expect(html).toBe(`<p>Identifiant${NBSP}: <strong>«${NBSP}claire${NNBSP}!${NBSP}»</strong> le 1er mars${NNBSP}; l&#x27;équipe</p>`);
  });

  it("leaves code as typed", () => {
    expect(renderToStaticMarkup(<French><code>a ; b</code></French>)).toBe("<code>a ; b</code>");
  });
});
