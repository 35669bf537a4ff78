// The frame every e-mail shares (MAIL-3): French, sober, readable without images or CSS,
// the same footer everywhere (automatic message, only the latest one of its kind counts,
// where to get help). Inline styles only: mail clients ignore style sheets.
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { SupportContacts } from "../../support-contacts";

/** Props every template accepts on top of its own data. */
export interface CommonEmailProps {
  /** Assistance contacts printed in the footer (HELP-5); none when omitted. */
  support?: SupportContacts;
}

export const PORTAL_NAME = "Portail e-services";
export const AUTOMATIC_NOTICE = "Ce message vous est envoyé automatiquement : merci de ne pas y répondre.";
export const LATEST_COUNTS_NOTICE =
  "Si vous avez reçu plusieurs messages de ce type, seul le plus récent compte : ne tenez pas compte des précédents.";

const colours = {
  brand: "#0d2a4d",
  link: "#174a85",
  text: "#1e293b",
  muted: "#475569",
  border: "#cbd5e1",
  panel: "#eef4fb",
};

const styles = {
  body: { backgroundColor: "#f8fafc", color: colours.text, fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: `1px solid ${colours.border}`, maxWidth: "600px", padding: "24px 32px" },
  brand: { color: colours.brand, fontSize: "14px", fontWeight: 700, letterSpacing: "0.02em", margin: "0 0 16px" },
  heading: { color: colours.brand, fontSize: "22px", lineHeight: "30px", margin: "0 0 16px" },
  paragraph: { color: colours.text, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  panel: { backgroundColor: colours.panel, borderLeft: `4px solid ${colours.link}`, margin: "0 0 16px", padding: "8px 16px" },
  panelLine: { color: colours.text, fontSize: "16px", lineHeight: "24px", margin: "4px 0" },
  button: {
    backgroundColor: colours.link,
    borderRadius: "4px",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: colours.link, textDecoration: "underline", wordBreak: "break-all" },
  hr: { borderColor: colours.border, margin: "24px 0 16px" },
  footer: { color: colours.muted, fontSize: "14px", lineHeight: "20px", margin: "0 0 8px" },
} satisfies Record<string, CSSProperties>;

export function EmailLayout({
  preview,
  heading,
  support,
  children,
}: CommonEmailProps & { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="fr" dir="ltr">
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{PORTAL_NAME}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{AUTOMATIC_NOTICE}</Text>
          <Text style={styles.footer}>{LATEST_COUNTS_NOTICE}</Text>
          {support ? (
            <Text style={styles.footer}>
              Besoin d&apos;aide ? Écrivez à l&apos;assistance (
              <Link href={`mailto:${support.email}`} style={styles.link}>
                {support.email}
              </Link>
              ) ou appelez le {support.phone}, {support.hours}.
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

/** The account a message is about: its identifier and, when it has one, its organisation. */
export function AccountDetails({ identifier, organisationName }: { identifier: string; organisationName: string | null }) {
  return (
    <Section style={styles.panel}>
      <Text style={styles.panelLine}>
        Identifiant : <strong>{identifier}</strong>
      </Text>
      {organisationName ? (
        <Text style={styles.panelLine}>
          Organisation : <strong>{organisationName}</strong>
        </Text>
      ) : null}
    </Section>
  );
}

/**
 * A call to action: a button, then the same address printed in full for clients that
 * show no buttons and for people who prefer to copy it. The plain-text version keeps
 * only the printed address.
 */
export function ActionLink({ href, label, caption }: { href: string; label: string; caption: string }) {
  return (
    <Section style={{ margin: "0 0 16px" }}>
      <Button href={href} style={styles.button} data-skip-in-text="true">
        {label}
      </Button>
      <Text style={{ ...styles.paragraph, margin: "16px 0 0" }}>
        {caption} :{" "}
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

/** French plural of a noun phrase: "1 heure", "72 heures". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}
