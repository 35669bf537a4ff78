// Whom to ask when an e-service is missing or refused (ADM-4): the organisation's
// administrator, or the portal's assistance when there is none.
import Link from "next/link";

export function WhomToAsk({
  administrator,
  viewerIsAdministrator,
  support,
}: {
  administrator: { firstName: string; lastName: string; email: string } | null;
  viewerIsAdministrator: boolean;
  support: { email: string; phone: string; hours: string };
}) {
  if (viewerIsAdministrator) {
    return (
      <p>
        Vous êtes l&apos;administrateur de votre organisation : abonnements et permissions se gèrent dans la{" "}
        <Link href="/administration">console d&apos;administration</Link>.
      </p>
    );
  }
  if (administrator) {
    return (
      <p>
        Adressez-vous à l&apos;administrateur de votre organisation,{" "}
        <strong>
          {administrator.firstName} {administrator.lastName}
        </strong>{" "}
        : <a href={`mailto:${administrator.email}`}>{administrator.email}</a>.
      </p>
    );
  }
  return (
    <p>
      Votre organisation n&apos;a pas encore d&apos;administrateur. Vous pouvez le devenir depuis{" "}
      <Link href="/espace#administration">Mon espace</Link>, ou contacter l&apos;assistance du portail :{" "}
      <a href={`mailto:${support.email}`}>{support.email}</a>, {support.phone} ({support.hours}).
    </p>
  );
}
