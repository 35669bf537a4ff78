import type { TokenProblem } from "@/lib/tokens";

// Client-side copy of the messages of lib/tokens.ts (which is server-only).
export const TOKEN_PROBLEM_TEXT: Record<TokenProblem, string> = {
  unknown: "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse en entier.",
  expired: "Ce lien a expiré.",
  used: "Ce lien a déjà été utilisé.",
  superseded: "Ce lien a été remplacé par un lien plus récent : utilisez le dernier courriel reçu.",
};
