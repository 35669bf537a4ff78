/** Only paths of this portal: never an absolute URL, nor "//host" (open redirect). */
export function safeReturnPath(value: string | null | undefined, fallback = "/espace"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
