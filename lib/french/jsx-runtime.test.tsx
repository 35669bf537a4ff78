import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NBSP, NNBSP } from "./typography";

// Written as a page or a component writes its copy: no <French>, no helper.
function Address({ value }: { value: string }) {
  return <p>Adresse actuelle : {value}</p>;
}

// Like next/link or any library component: compiled with React's own runtime, it puts the
// children it is given into its <a> without going through the portal's.
function LibraryLink({ href, children }: { href: string; children?: ReactNode }) {
  return createElement("a", { href }, children);
}

// A component that renders a label given as a prop, inside its own markup.
function Field({ label, hint }: { label: ReactNode; hint: ReactNode }) {
  return createElement("div", null, createElement("label", null, label), createElement("p", null, hint));
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

  it("reaches the children of library components, labels passed as fragments, and text split by JSX", () => {
    const name = "Claire Martin";
    const html = renderToStaticMarkup(
      <footer>
        <LibraryLink href="/accessibilite">Accessibilité : non conforme</LibraryLink>
        <Field label={<>Conditions ?</>} hint={<>À lire : <LibraryLink href="/cgu">conditions</LibraryLink>.</>} />
        <p>
          <strong>{name}</strong>{" "}
          : claire@exemple.fr{" "}
          ; le {1}{" "}
          mars
        </p>
      </footer>,
    );
    expect(html).toBe(
      `<footer><a href="/accessibilite">Accessibilité${NBSP}: non conforme</a>` +
        `<div><label>Conditions${NNBSP}?</label><p>À lire${NBSP}: <a href="/cgu">conditions</a>.</p></div>` +
        `<p><strong>Claire Martin</strong>${NBSP}: claire@exemple.fr${NNBSP}; le 1er mars</p></footer>`,
    );
  });

  it("leaves render-prop children and numbers as they are", () => {
    function Render({ children }: { children: (value: string) => ReactNode }) {
      return createElement("span", null, children("a : b"));
    }
    expect(renderToStaticMarkup(<Render>{(value) => <code>{value}</code>}</Render>)).toBe("<span><code>a : b</code></span>");
    expect(renderToStaticMarkup(<p>{12}{3}</p>)).toBe("<p>123</p>");
  });
});
