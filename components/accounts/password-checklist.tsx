"use client";

// The live checklist and strength meter of a new password (PWD-1..3): the same rules the
// server applies (checkPassword), shown as the person types.
import { useEffect, useState } from "react";
import { checkPassword, PASSWORD_PROBLEM_LABELS, PASSWORD_PROBLEMS, type PasswordContext } from "@/lib/password-policy";
import { estimateStrength, type Strength } from "@/lib/password-strength";

const METER_COLOURS = ["bg-red-700", "bg-red-600", "bg-amber-600", "bg-green-600", "bg-green-800"];

export function PasswordChecklist({ id, password, context }: { id: string; password: string; context: PasswordContext }) {
  const { problems } = checkPassword(password, context);
  const [strength, setStrength] = useState<Strength | null>(null);
  const inputs = [context.firstName, context.lastName, context.identifier, context.email].filter(Boolean).join("\u0000");

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void estimateStrength(password, inputs.split("\u0000").filter(Boolean)).then((result) => {
        if (!cancelled) setStrength(result);
      });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, inputs]);

  const shown = password ? strength : null;
  return (
    <div id={id} className="mt-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <p className="font-medium text-slate-900">Votre mot de passe doit respecter ces règles :</p>
      <ul className="mt-1 space-y-0.5">
        {PASSWORD_PROBLEMS.map((problem) => {
          const met = password.length > 0 && !problems.includes(problem);
          return (
            <li key={problem} className={met ? "text-green-800" : "text-slate-700"}>
              <span aria-hidden="true">{met ? "✓ " : "○ "}</span>
              {PASSWORD_PROBLEM_LABELS[problem]}
              <span className="sr-only">{met ? " : respecté" : " : pas encore respecté"}</span>
            </li>
          );
        })}
      </ul>
      <div className="mt-2">
        <p aria-live="polite">
          Robustesse : <strong>{shown ? shown.label : "—"}</strong>
        </p>
        <div className="mt-1 h-2 w-full rounded bg-slate-200" aria-hidden="true">
          <div
            className={`h-2 rounded ${shown ? METER_COLOURS[shown.score] : ""}`}
            style={{ width: shown ? `${(shown.score + 1) * 20}%` : "0%" }}
          />
        </div>
      </div>
    </div>
  );
}
