// What an import does with each row of the file (BULK-1, BULK-2): the row is validated, then
// compared with the organisation's accounts, and the outcome ("créé", "mis à jour",
// "inchangé", "refusé") comes with its reason. Pure: the same function decides at preview
// and again when the import is applied, so that the import does exactly what was previewed
// or says why not.
//
// Decisions:
// - An account is matched by its e-mail address within the organisation.
// - A row whose address matches no account but whose names match exactly one account that an
//   import created and that was never activated (and whose address is not in the file) is an
//   e-mail correction: the address is replaced and a new activation link goes out on the
//   next nightly run (seed 002). Several such accounts: refused, the import cannot choose.
// - An update never changes the identifier (ACC-2) and never removes a permission: the file
//   adds e-services, the permission matrix takes them away.
// - A listed e-service the organisation is not subscribed to is named in the row's reason and
//   granted to nobody; an e-service the catalogue does not know refuses the row.
import { emailField, NAME_MAX } from "../accounts/schemas";
import { formatDay, isDayKey } from "../calendar";
import type { Civility } from "../generated/prisma/enums";
import { buildIdentifier, foldText, IdentifierError } from "../identifiers";
import type { ImportColumn } from "./csv";
import { isAllowedText } from "../security/input-text";

export type RawValues = Partial<Record<ImportColumn, string>>;

export interface ValidRow {
  civility: Civility;
  firstName: string;
  lastName: string;
  email: string;
  category: string | null;
  /** Folded e-service names or slugs as written in the file. */
  eServices: string[];
  /** "YYYY-MM-DD" or null. */
  openingDate: string | null;
}

export const CATEGORY_MAX = 100;

const CIVILITIES: Record<string, Civility> = {
  madame: "MADAME",
  mme: "MADAME",
  mlle: "MADAME",
  mademoiselle: "MADAME",
  f: "MADAME",
  monsieur: "MONSIEUR",
  m: "MONSIEUR",
  mr: "MONSIEUR",
  h: "MONSIEUR",
};

export function parseCivility(value: string): Civility | null {
  return CIVILITIES[foldText(value).replace(/[^a-z]/g, "")] ?? null;
}

/** "1/9/2027", "01/09/2027", "01-09-2027", "01.09.2027" or "2027-09-01" → "2027-09-01"; null if not a real day. */
export function parseDay(value: string): string | null {
  const trimmed = value.trim();
  let key: string | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (iso) key = `${iso[1]}-${iso[2].padStart(2, "0")}-${iso[3].padStart(2, "0")}`;
  else if (french) key = `${french[3]}-${french[2].padStart(2, "0")}-${french[1].padStart(2, "0")}`;
  return key && isDayKey(key) ? key : null;
}

export function foldKey(value: string): string {
  return foldText(value).replace(/[^a-z0-9]+/g, " ").trim();
}

/** The e-services of a cell: separated by "|", "," or ";" (whichever the file's separator leaves free). */
export function splitEServices(value: string): string[] {
  return [...new Set(value.split(/[|,;+]/).map(foldKey).filter(Boolean))];
}

/** A problem of one value: the field at fault and the fragment of the row's reason. */
export interface RowProblem {
  field: "civility" | "firstName" | "lastName" | "email" | "category" | "openingDate";
  text: string;
}

export type RowValidation = { ok: true; row: ValidRow } | { ok: false; reason: string };
export type PersonValidation = { ok: true; row: ValidRow } | { ok: false; problems: RowProblem[] };

/** A CSV row: its problems read as one reason. */
export function validateRow(values: RawValues): RowValidation {
  const result = validatePerson(values);
  if (result.ok) return result;
  return { ok: false, reason: capitalise(result.problems.map((item) => item.text).join(" ; ")) + "." };
}

/**
 * One person's values, from a CSV row or the invitation form (DEP-3): the same checks and the
 * same normalisation either way. A CSV row reads all its problems as one reason (validateRow);
 * a form shows each next to its field.
 */
export function validatePerson(values: RawValues): PersonValidation {
  const problems: RowProblem[] = [];
  const problem = (field: RowProblem["field"], text: string) => problems.push({ field, text });
  const civility = parseCivility(values.civility ?? "");
  if (!civility) problem("civility", values.civility?.trim() ? `civilité « ${values.civility.trim()} » inconnue (Madame ou Monsieur)` : "civilité manquante");
  const firstName = (values.firstName ?? "").trim().replace(/\s+/g, " ");
  const lastName = (values.lastName ?? "").trim().replace(/\s+/g, " ");
  if (!firstName) problem("firstName", "prénom manquant");
  else if (firstName.length > NAME_MAX) problem("firstName", `prénom trop long (${NAME_MAX} caractères au plus)`);
  if (!lastName) problem("lastName", "nom manquant");
  else if (lastName.length > NAME_MAX) problem("lastName", `nom trop long (${NAME_MAX} caractères au plus)`);
  if (firstName && lastName) {
    try {
      buildIdentifier(firstName, lastName, () => false);
    } catch (error) {
      if (!(error instanceof IdentifierError)) throw error;
      problem(error.field, error.message.replace(/\.$/, "").replace(/^./, (first) => first.toLowerCase()));
    }
  }
  const rawEmail = (values.email ?? "").trim();
  const email = emailField.safeParse(rawEmail);
  if (!rawEmail) problem("email", "adresse électronique manquante");
  else if (!email.success) problem("email", `adresse électronique « ${rawEmail} » invalide`);
  const category = (values.category ?? "").trim().replace(/\s+/g, " ");
  if (category.length > CATEGORY_MAX) problem("category", `catégorie trop longue (${CATEGORY_MAX} caractères au plus)`);
  // SEC-9: the rule of every form field; line breaks and tabs were turned into spaces above.
  for (const [field, label, value] of [["firstName", "prénom", firstName], ["lastName", "nom", lastName], ["category", "catégorie", category]] as const) {
    if (!isAllowedText(value)) problem(field, `${label} : caractères non autorisés (caractères de contrôle ou de mise en forme invisibles)`);
  }
  const rawDate = (values.openingDate ?? "").trim();
  const openingDate = rawDate ? parseDay(rawDate) : null;
  if (rawDate && !openingDate) problem("openingDate", `date d'ouverture « ${rawDate} » invalide (format JJ/MM/AAAA)`);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    row: {
      civility: civility!,
      firstName,
      lastName,
      email: email.data!,
      category: category || null,
      eServices: splitEServices(values.eServices ?? ""),
      openingDate,
    },
  };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ─── Decisions ──────────────────────────────────────────────────────────────

export interface ExistingAccount {
  id: string;
  identifier: string;
  email: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  category: string | null;
  status: "PENDING_ACTIVATION" | "PENDING_VALIDATION" | "ACTIVE" | "DEACTIVATED";
  deactivationReason: string | null;
  /** "YYYY-MM-DD" or null. */
  openingDate: string | null;
  welcomeSent: boolean;
  /** Created by an import: candidate for an e-mail correction while never activated. */
  imported: boolean;
  eServiceIds: string[];
}

export interface KnownEService {
  id: string;
  name: string;
  subscribed: boolean;
}

export interface DecisionContext {
  accountsByEmail: Map<string, ExistingAccount>;
  /** Imported, never activated accounts, by nameKey(firstName, lastName). */
  correctable: Map<string, ExistingAccount[]>;
  /** By folded slug and by folded name. */
  eServices: Map<string, KnownEService>;
}

/** What is stored for a row and applied at confirmation. */
export interface RowPlan {
  civility: Civility;
  firstName: string;
  lastName: string;
  email: string;
  category: string | null;
  openingDate: string | null;
  /** Subscribed e-services to grant (not held yet, for an update). */
  grant: string[];
  grantNames: string[];
  /** For an e-mail correction: the address replaced. */
  previousEmail?: string;
  /** For an update: what changes, to check at apply time that it still applies. */
  changes?: string[];
  /** The account's state read at preview, for updates: compared again at apply time. */
  expected?: { email: string; status: string };
}

export type RowDecision =
  | { outcome: "CREATED" | "UPDATED" | "UNCHANGED"; reason: string | null; accountId: string | null; plan: RowPlan }
  | { outcome: "REFUSED"; reason: string; accountId: string | null; raw: RawValues };

export function nameKey(firstName: string, lastName: string): string {
  return `${foldKey(firstName)}|${foldKey(lastName)}`;
}

const FIELD_LABELS = { civility: "civilité", firstName: "prénom", lastName: "nom", category: "catégorie", openingDate: "date d'ouverture" } as const;

/** Resolves the e-services of a row: unknown names refuse it, unsubscribed ones are reported. */
function resolveEServices(row: ValidRow, context: DecisionContext) {
  const unknown: string[] = [];
  const unsubscribed: string[] = [];
  const subscribed: KnownEService[] = [];
  for (const key of row.eServices) {
    const eService = context.eServices.get(key);
    if (!eService) unknown.push(key);
    else if (!eService.subscribed) unsubscribed.push(eService.name);
    else if (!subscribed.includes(eService)) subscribed.push(eService);
  }
  return { unknown, unsubscribed, subscribed };
}

/**
 * Decides every row of a file, in file order. `seen` carries the addresses (and corrected
 * accounts) met so far, so that a duplicate row is refused with the line it repeats.
 */
export function decideRows(
  records: { rowNumber: number; values: RawValues }[],
  context: DecisionContext,
): { rowNumber: number; decision: RowDecision }[] {
  const firstLineOfEmail = new Map<string, number>();
  const correctedBy = new Map<string, number>();
  // An account whose address is still in the file is that row's, never another's correction.
  const fileEmails = new Set(records.map(({ values }) => (values.email ?? "").trim().toLowerCase()));
  return records.map(({ rowNumber, values }) => ({
    rowNumber,
    decision: decideRow(rowNumber, values, context, { firstLineOfEmail, correctedBy, fileEmails }),
  }));
}

function decideRow(
  rowNumber: number,
  values: RawValues,
  context: DecisionContext,
  file: { firstLineOfEmail: Map<string, number>; correctedBy: Map<string, number>; fileEmails: Set<string> },
): RowDecision {
  const { firstLineOfEmail, correctedBy } = file;
  const refuse = (reason: string, accountId: string | null = null): RowDecision => ({ outcome: "REFUSED", reason, accountId, raw: values });
  const validation = validateRow(values);
  if (!validation.ok) return refuse(validation.reason);
  const row = validation.row;

  const earlier = firstLineOfEmail.get(row.email);
  if (earlier !== undefined) return refuse(`Ligne en double : l'adresse ${row.email} figure déjà à la ligne ${earlier} du fichier.`);
  firstLineOfEmail.set(row.email, rowNumber);

  const services = resolveEServices(row, context);
  if (services.unknown.length) {
    return refuse(`E-service inconnu du catalogue : ${services.unknown.map((name) => `« ${name} »`).join(", ")}.`);
  }
  const notes: string[] = [];
  if (services.unsubscribed.length) {
    notes.push(`Non accordé, l'organisation n'y est pas abonnée : ${services.unsubscribed.join(", ")}.`);
  }

  const existing = context.accountsByEmail.get(row.email);
  if (existing) return decideUpdate(row, existing, services.subscribed, notes, refuse);

  const candidates = (context.correctable.get(nameKey(row.firstName, row.lastName)) ?? []).filter(
    (candidate) => !file.fileEmails.has(candidate.email),
  );
  if (candidates.length > 1) {
    return refuse(
      `Plusieurs comptes jamais activés portent ce nom (${candidates.map((candidate) => candidate.identifier).join(", ")}) : impossible de savoir lequel corriger. Corrigez l'adresse dans la console.`,
    );
  }
  if (candidates.length === 1) {
    const target = candidates[0];
    const previous = correctedBy.get(target.id);
    if (previous !== undefined) return refuse(`La ligne ${previous} corrige déjà l'adresse du compte ${target.identifier}.`, target.id);
    correctedBy.set(target.id, rowNumber);
    const grant = services.subscribed.filter((eService) => !target.eServiceIds.includes(eService.id));
    const changes = ["email", ...changedFields(row, target)];
    return {
      outcome: "UPDATED",
      accountId: target.id,
      reason: [
        `Adresse électronique corrigée (ancienne : ${target.email}) ; un nouveau lien d'activation partira la nuit prochaine.`,
        ...describeChanges(changes.filter((change) => change !== "email"), grant),
        ...notes,
      ].join(" "),
      plan: planOf(row, grant, { previousEmail: target.email, changes, expected: { email: target.email, status: target.status } }),
    };
  }

  const opening = row.openingDate ? [`Ouverture le ${formatDay(row.openingDate)} : le courriel de bienvenue partira ce jour-là.`] : [];
  return {
    outcome: "CREATED",
    accountId: null,
    reason: [...opening, ...notes].join(" ") || null,
    plan: planOf(row, services.subscribed, {}),
  };
}

function planOf(row: ValidRow, grant: KnownEService[], extra: Partial<RowPlan>): RowPlan {
  return {
    civility: row.civility,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    category: row.category,
    openingDate: row.openingDate,
    grant: grant.map((eService) => eService.id),
    grantNames: grant.map((eService) => eService.name),
    ...extra,
  };
}

/** The fields of `row` that differ from the account (the opening date only while it can still apply). */
export function changedFields(row: Pick<ValidRow, "civility" | "firstName" | "lastName" | "category" | "openingDate">, account: ExistingAccount): string[] {
  const changes: string[] = [];
  if (row.civility !== account.civility) changes.push("civility");
  if (row.firstName !== account.firstName) changes.push("firstName");
  if (row.lastName !== account.lastName) changes.push("lastName");
  if ((row.category ?? null) !== (account.category ?? null)) changes.push("category");
  if (openingDateApplies(account) && row.openingDate !== account.openingDate) changes.push("openingDate");
  return changes;
}

/** The opening date matters until the welcome e-mail has gone. */
export function openingDateApplies(account: Pick<ExistingAccount, "imported" | "welcomeSent" | "status">): boolean {
  return account.imported && !account.welcomeSent && account.status === "PENDING_ACTIVATION";
}

function describeChanges(changes: string[], grant: KnownEService[]): string[] {
  const parts: string[] = [];
  if (changes.length) parts.push(`Modifié : ${changes.map((change) => FIELD_LABELS[change as keyof typeof FIELD_LABELS] ?? change).join(", ")}.`);
  if (grant.length) parts.push(`E-services accordés : ${grant.map((eService) => eService.name).join(", ")}.`);
  return parts;
}

function decideUpdate(
  row: ValidRow,
  account: ExistingAccount,
  subscribed: KnownEService[],
  notes: string[],
  refuse: (reason: string, accountId?: string | null) => RowDecision,
): RowDecision {
  if (account.status === "DEACTIVATED") {
    return refuse(
      account.deactivationReason === "NEVER_ACTIVATED"
        ? `Le compte ${account.identifier} est désactivé faute d'activation : la personne peut demander un nouveau lien depuis la page « Renvoyer le courriel d'activation ».`
        : `Le compte ${account.identifier} est désactivé : réactivez-le depuis la liste des comptes avant de l'importer à nouveau.`,
      account.id,
    );
  }
  const grant = subscribed.filter((eService) => !account.eServiceIds.includes(eService.id));
  const changes = changedFields(row, account);
  const expected = { email: account.email, status: account.status };
  if (!changes.length && !grant.length) {
    return { outcome: "UNCHANGED", accountId: account.id, reason: notes.join(" ") || null, plan: planOf(row, [], { changes: [], expected }) };
  }
  return {
    outcome: "UPDATED",
    accountId: account.id,
    reason: [...describeChanges(changes, grant), ...notes].join(" "),
    plan: planOf(row, grant, { changes, expected }),
  };
}
