// Paris time and calendar arithmetic (SPEC LR-7, LIFE-2, ADM-5, DASH-3): the one module
// that knows the Europe/Paris calendar. Day keys ("AAAA-MM-JJ") and month keys ("AAAA-MM")
// of instants, the UTC bounds of a Paris day, validated parsing of day keys, the `@db.Date`
// values of days, jours ouvrables and calendar months. Callers never hand-write an offset
// ("+01:00" is wrong half of the year) nor their own Intl time-zone formatter for days.
//
// Pure module: no I/O, no "server-only", usable on the server and in the browser.
// Nothing here reads the machine's local time zone: wall-clock fields are read
// with `TZDate` getters (computed from `tzOffset`, i.e. Intl, independent of the
// process time zone), calendar arithmetic is done on plain civil dates, and
// wall-clock times are turned back into instants by `parisInstant` below.
//
// Why not `new TZDate(y, m, d, h, min, "Europe/Paris")` or date-fns `addDays(...,
// { in: tz("Europe/Paris") })` for the last step? Their setters go through the
// native local-time setters and, for an ambiguous autumn wall-clock time such as
// 02:30 on the last Sunday of October, return the first or the second occurrence
// depending on the process time zone (second one with TZ=UTC, first one with
// TZ=Asia/Kolkata). Even Paris midnight is affected: with TZ=Pacific/Apia (which
// skipped 30 December 2011), `startOfDay(…, { in: tz("Europe/Paris") })` lands a day
// off on that date. Deadlines and day bounds must not depend on the server's
// configuration, so the wall-clock → instant resolution is explicit here, using
// `tzOffset` for the offsets (no hand-written DST rules).
//
// DST rules, shared by every function of this module that returns a `Date`:
// - the Paris wall-clock time of day (hours, minutes, seconds, milliseconds) is
//   kept, so 10:30 Paris stays 10:30 Paris across a change of offset (09:30Z in
//   winter, 08:30Z in summer);
// - a wall-clock time that does not exist on the target day (spring-forward gap,
//   02:00–03:00 on the last Sunday of March) moves forward to the first valid
//   instant, i.e. the moment the clocks change: 02:30 → 03:00 Paris (01:00Z);
// - a wall-clock time that occurs twice on the target day (fall-back, 02:00–03:00
//   on the last Sunday of October) resolves to its first occurrence, still in
//   summer time: 02:30 → 02:30+02:00 (00:30Z).
// Both DST days are Sundays, which are never jours ouvrables, so these two rules
// never apply to `addJoursOuvrables` results; they do apply to `addMonthsClamped`.
// Paris midnight is never in a gap nor ambiguous (the clocks change at 02:00/03:00),
// so a Paris day always runs from one midnight to the next: 24 hours, 23 on the last
// Sunday of March, 25 on the last Sunday of October.

import { TZDate, tz, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";

const PARIS = "Europe/Paris";
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A day of the proleptic Gregorian calendar; month is 1–12. */
interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock date and time of day, without time zone. */
interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export interface PublicHoliday {
  /** YYYY-MM-DD */
  date: string;
  /** French name, e.g. "Lundi de Pâques". */
  name: string;
}

// ---------------------------------------------------------------------------
// Civil dates (time-zone-free: only the UTC methods of Date are used)

/** Milliseconds of a wall-clock time read as if it were UTC (works for years 0–99 too). */
function floatingMs(wall: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  d.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return d.getTime();
}

function civilFromFloating(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Adds days to a civil date, normalising month and year overflow. */
function addCivilDays(date: CivilDate, days: number): CivilDate {
  return civilFromFloating(floatingMs({ ...date, day: date.day + days, hour: 0, minute: 0, second: 0, millisecond: 0 }));
}

/** 0 = Sunday … 6 = Saturday. */
function civilDayOfWeek(date: CivilDate): number {
  return new Date(floatingMs({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDay();
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return civilFromFloating(floatingMs({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).day;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, "0");
}

function civilKey(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

// ---------------------------------------------------------------------------
// Europe/Paris conversions

function assertValidDate(date: Date, name = "date"): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

/** Paris wall-clock fields of an instant. */
function parisWallClock(date: Date): WallClock {
  const paris = new TZDate(date.getTime(), PARIS);
  return {
    year: paris.getFullYear(),
    month: paris.getMonth() + 1,
    day: paris.getDate(),
    hour: paris.getHours(),
    minute: paris.getMinutes(),
    second: paris.getSeconds(),
    millisecond: paris.getMilliseconds(),
  };
}

/** Paris UTC offset in minutes at an instant (60 in winter, 120 in summer). */
function parisOffsetAt(ms: number): number {
  return tzOffset(PARIS, new Date(ms));
}

/**
 * The instant showing `wall` on Paris clocks. Ambiguous times (autumn fall-back)
 * resolve to their first occurrence; non-existent times (spring-forward gap)
 * move forward to the first valid instant, the moment the clocks change.
 */
function parisInstant(wall: WallClock): Date {
  const floating = floatingMs(wall);
  // A Paris offset change happens at most once within these 48 hours, so the
  // offsets a day before and a day after are the only candidates.
  const offsetBefore = parisOffsetAt(floating - DAY_MS);
  const offsetAfter = parisOffsetAt(floating + DAY_MS);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => ({ offset, instant: floating - offset * MINUTE_MS }))
    .filter(({ offset, instant }) => parisOffsetAt(instant) === offset)
    .map(({ instant }) => instant)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);

  // Spring-forward gap: the clock change lies between reading the wall-clock
  // time with the later offset (still before the change) and with the earlier
  // one (already after it). Find the first instant with the new offset.
  let before = floating - offsetAfter * MINUTE_MS;
  let after = floating - offsetBefore * MINUTE_MS;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (parisOffsetAt(middle) === offsetAfter) after = middle;
    else before = middle;
  }
  return new Date(after);
}

// ---------------------------------------------------------------------------
// Paris days: keys, bounds, `@db.Date` values, parsing (ADM-1, ADM-4, ADM-5, DASH-3)

/** A calendar day written "AAAA-MM-JJ" (ISO 8601), e.g. "2026-03-29". */
export type DayKey = string;

/** A calendar month written "AAAA-MM", e.g. "2026-03". */
export type MonthKey = string;

/** A day typed by someone, read without throwing: `ok: false` for anything that is not a real day. */
export type ParsedDay = { ok: true; day: DayKey } | { ok: false };

const PARIS_ZONE = tz(PARIS);
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_KEY = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * Reads "AAAA-MM-JJ": exactly that shape, and a day that exists (2028-02-29 yes,
 * 2026-02-29, 2026-02-30 and 2026-99-99 no). Never throws.
 */
export function parseDayKey(value: unknown): ParsedDay {
  // Checked on the civil calendar rather than with date-fns `parse`: its setters go through
  // the native local-time setters (see the top of this file), and the answer must not
  // depend on the server's time zone.
  if (typeof value !== "string" || !DAY_KEY.test(value)) return { ok: false };
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { ok: true, day: value } : { ok: false };
}

/** Whether `value` is a real day written "AAAA-MM-JJ" (see `parseDayKey`). */
export function isDayKey(value: string): boolean {
  return parseDayKey(value).ok;
}

/** The civil date of a day key; a malformed key is a programming error (parse input first). */
function civilOfKey(key: DayKey): CivilDate {
  if (!isDayKey(key)) throw new RangeError(`day must be a real day written YYYY-MM-DD, got ${JSON.stringify(key)}`);
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), day: Number(key.slice(8, 10)) };
}

/** The day shown on Paris clocks at `instant` ("today" by default), as "AAAA-MM-JJ". */
export function parisDayKey(instant: Date = new Date()): DayKey {
  assertValidDate(instant, "instant");
  return format(instant, "yyyy-MM-dd", { in: PARIS_ZONE });
}

/** The Paris day and time of day at `instant`: what scheduled jobs key their runs on. */
export function parisClock(instant: Date): { day: DayKey; hour: number; minute: number } {
  assertValidDate(instant, "instant");
  const wall = parisWallClock(instant);
  return { day: civilKey(wall), hour: wall.hour, minute: wall.minute };
}

/**
 * The instants of a Paris day, [start, end): from its midnight to the next one. The day
 * lasts 24 hours, 23 on the last Sunday of March, 25 on the last Sunday of October.
 * Throws a RangeError for a key that is not a real day (use `parseDayKey` on input).
 */
export function parisDayBounds(day: DayKey): { start: Date; end: Date } {
  const civil = civilOfKey(day);
  const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0 };
  return { start: parisInstant({ ...civil, ...midnight }), end: parisInstant({ ...addCivilDays(civil, 1), ...midnight }) };
}

/**
 * The value Prisma reads and writes for a day in a `@db.Date` column: midnight UTC of
 * that day. It stands for the whole calendar day, not for an instant.
 */
export function dayKeyToDate(day: DayKey): Date {
  const civil = civilOfKey(day);
  return new Date(floatingMs({ ...civil, hour: 0, minute: 0, second: 0, millisecond: 0 }));
}

/** The day of a `@db.Date` value (midnight UTC of that day), as "AAAA-MM-JJ". */
export function dateToDayKey(date: Date): DayKey {
  assertValidDate(date);
  return civilKey(civilFromFloating(date.getTime()));
}

/** Today on Paris clocks, as a `@db.Date` value: what subscriptions and openings compare with. */
export function parisToday(now: Date = new Date()): Date {
  return dayKeyToDate(parisDayKey(now));
}

/** "AAAA-MM-JJ" plus `n` days (negative goes back): civil arithmetic, no time zone involved. */
export function shiftDayKey(day: DayKey, n: number): DayKey {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return civilKey(addCivilDays(civilOfKey(day), n));
}

/** Every day from `from` to `to`, both included, in order (none if `from` is after `to`). */
export function dayKeysBetween(from: DayKey, to: DayKey): DayKey[] {
  const civil = civilOfKey(from);
  civilOfKey(to);
  const days: DayKey[] = [];
  // Walked on the civil calendar (a dashboard asks for up to 2 × 90 days per section on
  // every request): only a month's end goes through Date.
  for (let day = from; day <= to; ) {
    days.push(day);
    if (civil.day < 28 || civil.day < daysInMonth(civil.year, civil.month)) civil.day += 1;
    else Object.assign(civil, addCivilDays(civil, 1));
    day = civilKey(civil);
  }
  return days;
}

function monthIndexOf(key: DayKey | MonthKey): number {
  if (!MONTH_KEY.test(key)) throw new RangeError(`expected a YYYY-MM month or YYYY-MM-DD day, got ${JSON.stringify(key)}`);
  const month = Number(key.slice(5, 7));
  if (month < 1 || month > 12) throw new RangeError(`month out of range in ${JSON.stringify(key)}`);
  return Number(key.slice(0, 4)) * 12 + month - 1;
}

function monthKeyOfIndex(index: number): MonthKey {
  const year = Math.floor(index / 12);
  return `${pad(year, 4)}-${pad(index - year * 12 + 1, 2)}`;
}

/** The month of a day ("2026-03-29" → "2026-03"), or `n` months later (negative goes back). */
export function shiftMonthKey(key: DayKey | MonthKey, n: number): MonthKey {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return monthKeyOfIndex(monthIndexOf(key) + n);
}

/** Every month ("AAAA-MM") from the month of `from` to the month of `to`, in order. */
export function monthKeysBetween(from: DayKey | MonthKey, to: DayKey | MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let index = monthIndexOf(from), last = monthIndexOf(to); index <= last; index += 1) months.push(monthKeyOfIndex(index));
  return months;
}

// French labels of days, instants and months: the portal's one date style (issue 16 item 7),
// "1er mars 2027" and "1er mars 2027 à 14:05", used by pages, e-mails, letters and PDFs.
// A day is a key or a `@db.Date` value; both are midnight UTC of that day once converted,
// hence the UTC formatters; an instant is shown in Paris time.
const LONG_DAY = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const PARIS_LONG_DAY = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
const PARIS_TIME_SECONDS = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Europe/Paris" });
const SHORT_DAY = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

function asDbDate(day: DayKey | Date): Date {
  return typeof day === "string" ? dayKeyToDate(day) : day;
}

/** The first day of a month is written "1er". */
function longDay(formatter: Intl.DateTimeFormat, date: Date): string {
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

/** "21 novembre 2026", "1er mars 2027", for a day key or a `@db.Date` value (for an instant: `formatDate`). */
export function formatDay(day: DayKey | Date): string {
  return longDay(LONG_DAY, asDbDate(day));
}

/** The Paris day of an instant: "1er mars 2027". */
export function formatDate(instant: Date): string {
  return longDay(PARIS_LONG_DAY, instant);
}

/** An instant in Paris time: "1er mars 2027 à 14:05" ("à 14:05:09" with seconds, for the journal). */
export function formatDateTime(instant: Date, options: { seconds?: boolean } = {}): string {
  return `${formatDate(instant)} à ${(options.seconds ? PARIS_TIME_SECONDS : PARIS_TIME).format(instant)}`;
}

/** "21/11/2026", for a day key or a `@db.Date` value: machine-like columns only (CSV files). */
export function formatShortDay(day: DayKey | Date): string {
  // A key already holds the three numbers in the right width: rearranged, not formatted
  // again (the dashboards label every row with it).
  if (typeof day === "string" && isDayKey(day)) return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  return SHORT_DAY.format(asDbDate(day));
}

/** "novembre 2026" */
export function formatMonth(month: MonthKey): string {
  return MONTH.format(dayKeyToDate(`${shiftMonthKey(month, 0)}-01`));
}

// ---------------------------------------------------------------------------
// Easter and French public holidays (LR-7)

function assertIntegerYear(year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
}

/**
 * Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, also known as
 * Meeus/Jones/Butcher). Month is 1–12.
 */
export function easterSunday(year: number): { year: number; month: number; day: number } {
  assertIntegerYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/**
 * The eleven French public holidays of a year (SPEC LR-7), sorted by date. The
 * same list applies to every year (historical changes are not modelled).
 */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  assertIntegerYear(year);
  const easter = easterSunday(year);
  const fixed = (month: number, day: number): CivilDate => ({ year, month, day });
  const holidays: { date: CivilDate; name: string }[] = [
    { date: fixed(1, 1), name: "Jour de l'an" },
    { date: addCivilDays(easter, 1), name: "Lundi de Pâques" },
    { date: fixed(5, 1), name: "Fête du Travail" },
    { date: fixed(5, 8), name: "Victoire 1945" },
    { date: addCivilDays(easter, 39), name: "Ascension" },
    { date: addCivilDays(easter, 50), name: "Lundi de Pentecôte" },
    { date: fixed(7, 14), name: "Fête nationale" },
    { date: fixed(8, 15), name: "Assomption" },
    { date: fixed(11, 1), name: "Toussaint" },
    { date: fixed(11, 11), name: "Armistice 1918" },
    { date: fixed(12, 25), name: "Noël" },
  ];
  return holidays
    .map(({ date, name }) => ({ date: civilKey(date), name }))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayKeysByYear = new Map<number, ReadonlySet<string>>();

function isPublicHoliday(date: CivilDate): boolean {
  let keys = holidayKeysByYear.get(date.year);
  if (!keys) {
    keys = new Set(frenchPublicHolidays(date.year).map((holiday) => holiday.date));
    holidayKeysByYear.set(date.year, keys);
  }
  return keys.has(civilKey(date));
}

function isCivilJourOuvrable(date: CivilDate): boolean {
  return civilDayOfWeek(date) !== 0 && !isPublicHoliday(date);
}

/** Whether the Paris calendar day of `date` is a jour ouvrable (not a Sunday, not a public holiday). */
export function isJourOuvrable(date: Date): boolean {
  assertValidDate(date);
  return isCivilJourOuvrable(parisWallClock(date));
}

/**
 * The n-th jour ouvrable after `date` (SPEC LR-7), at the same Paris time of day.
 * The day of `date` itself never counts, whether or not it is a jour ouvrable;
 * days are Paris calendar days. `n = 0` returns the same instant. Throws a
 * RangeError unless `n` is a non-negative integer and `date` is valid.
 */
export function addJoursOuvrables(date: Date, n: number): Date {
  assertValidDate(date);
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer, got ${n}`);
  }
  if (n === 0) return new Date(date.getTime());

  const wall = parisWallClock(date);
  let day: CivilDate = wall;
  let counted = 0;
  while (counted < n) {
    day = addCivilDays(day, 1);
    if (isCivilJourOuvrable(day)) counted += 1;
  }
  return parisInstant({ ...wall, year: day.year, month: day.month, day: day.day });
}

// ---------------------------------------------------------------------------
// Calendar months (LIFE-2)

/**
 * `date` plus `months` calendar months in Europe/Paris (negative goes back),
 * clamped to the last day of the target month and keeping the Paris time of day:
 * 31 October 2024 + 16 → 28 February 2026, 31 January 2024 + 1 → 29 February 2024.
 * `months = 0` returns the same instant. Throws a RangeError unless `months` is an integer and `date` is valid.
 */
export function addMonthsClamped(date: Date, months: number): Date {
  assertValidDate(date);
  if (!Number.isInteger(months)) {
    throw new RangeError(`months must be an integer, got ${months}`);
  }
  // Same instant, even for the second occurrence of an ambiguous autumn time.
  if (months === 0) return new Date(date.getTime());

  const wall = parisWallClock(date);
  const monthIndex = wall.year * 12 + (wall.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(wall.day, daysInMonth(year, month));
  return parisInstant({ ...wall, year, month, day });
}
