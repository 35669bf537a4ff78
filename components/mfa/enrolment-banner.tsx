// MFA-3: while an administrator's 14 days run, every page counts them down.
import Link from "next/link";
import { formatDate } from "@/lib/calendar";


export function EnrolmentBanner({ deadline, now = new Date() }: { deadline: Date; now?: Date }) {
  const days = Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / (24 * 60 * 60 * 1000)));
  return (
    <div role="region" aria-label="Rappel : double authentification à ajouter" className="border-b border-amber-700 bg-amber-50 text-amber-950">
      <p className="mx-auto max-w-5xl px-4 py-3">
        <strong>
          Plus que {days} jour{days > 1 ? "s" : ""} pour ajouter la double authentification
        </strong>{" "}
        : elle sera obligatoire pour votre compte d&apos;administrateur à partir du {formatDate(deadline)}.{" "}
        <Link href="/espace/securite">L&apos;ajouter maintenant</Link>
      </p>
    </div>
  );
}
