"use client";

// Shown when even the root layout fails: it cannot rely on the layout's styles.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem", color: "#0f172a" }}>
        <main>
          <h1>Le portail est momentanément indisponible</h1>
          <p>Veuillez réessayer dans quelques instants.</p>
          {error.digest ? <p>Référence de l&apos;erreur : {error.digest}</p> : null}
          <button type="button" onClick={reset}>
            Réessayer
          </button>
        </main>
      </body>
    </html>
  );
}
