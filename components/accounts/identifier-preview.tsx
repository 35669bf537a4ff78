"use client";

// ID-2: the identifier the names will give, shown as they are typed.
import { buildIdentifier, IdentifierError } from "@/lib/identifiers";

export function previewIdentifier(firstName: string, lastName: string): string | null {
  if (!firstName.trim() || !lastName.trim()) return null;
  try {
    return buildIdentifier(firstName, lastName, () => false);
  } catch (error) {
    if (error instanceof IdentifierError) return null;
    throw error;
  }
}

export function IdentifierPreview({ firstName, lastName }: { firstName: string; lastName: string }) {
  const identifier = previewIdentifier(firstName, lastName);
  return (
    <div className="rounded border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900 sm:col-span-2">
      <p>
        Conseil : indiquez un seul prénom et un seul nom, votre identifiant restera facile à retenir.
      </p>
      <p className="mt-1" aria-live="polite">
        {identifier ? (
          <>
            Votre identifiant sera : <strong className="font-mono">{identifier}</strong> (un numéro est ajouté s&apos;il
            est déjà pris).
          </>
        ) : (
          "Votre identifiant apparaîtra ici dès que vous aurez saisi votre prénom et votre nom."
        )}
      </p>
    </div>
  );
}
