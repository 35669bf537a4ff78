// How long to wait, in French words, for rate-limit messages (SEC-2). Pure: forms use it too.

/** "3 minutes", "45 secondes", "1 heure". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes > 1 ? "s" : ""}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} heure${hours > 1 ? "s" : ""}`;
}

export function tooManyAttempts(seconds: number): string {
  return `Trop de tentatives. Par sécurité, réessayez dans ${formatWait(seconds)}.`;
}
