import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NBSP, NNBSP } from "./typography";

// Written as a page or a component writes its copy: no <French>, no helper.
function Address({ value }: { value: string }) {
  return <p>Adresse actuelle : {value}</p>;
}

describe("issue 16 item 7 — the JSX runtime typesets every host element's text", () => {
  it("applies the typography to text written directly in components, without any wrapper", () => {
    const html = renderToStaticMarkup(
      <main>
        <h1>Lignes 1 à 100 sur 250 ; le 1 mars</h1>
        <Address value="12 rue de la Paix" />
        <button type="button">Continuer ?</button>
        <p>
          Identifiant : <strong>« claire »</strong> l’équipe
        </p>
      </main>,
    );
    expect(html).toBe(
      `<main><h1>Lignes 1 à 100 sur 250${NNBSP}; le 1er mars</h1>` +
        `<p>Adresse actuelle${NBSP}: 12 rue de la Paix</p>` +
        `<button type="button">Continuer${NNBSP}?</button>` +
        `<p>Identifiant${NBSP}: <strong>«${NBSP}claire${NBSP}»</strong> l&#x27;équipe</p></main>`,
    );
  });

  it("leaves attributes, code and form values as written", () => {
    const html = renderToStaticMarkup(
      <div>
        <a href="https://exemple.fr/?q=1" aria-label="Aide : accueil">
          https://exemple.fr/?q=1
        </a>
        <code>a ; b</code>
        <pre>x : y</pre>
        <textarea defaultValue="a : b" />
        <input value="c : d" readOnly />
      </div>,
    );
    expect(html).toBe(
      `<div><a href="https://exemple.fr/?q=1" aria-label="Aide : accueil">https://exemple.fr/?q=1</a>` +
        `<code>a ; b</code><pre>x : y</pre><textarea>a : b</textarea><input readOnly="" value="c : d"/></div>`,
    );
  });
});
