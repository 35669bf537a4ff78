// Calendar arithmetic in Europe/Paris (SPEC LR-7, LIFE-2).
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
// TZ=Asia/Kolkata). Deadlines must not depend on the server's configuration, so
// the wall-clock → instant resolution is explicit here, using `tzOffset` for the
// offsets (no hand-written DST rules).
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

import { TZDate, tzOffset } from "@date-fns/tz";

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
