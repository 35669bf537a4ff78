import Link from "next/link";

/**
 * The link back to the page above, at the top of a sub-page (issue 16 item 9): one wording
 * ("Retour à …", "Retour au …") and one place on every page that has one.
 */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="text-sm">
      <Link href={href}>
        <span aria-hidden="true">‹ </span>
        {children}
      </Link>
    </p>
  );
}
