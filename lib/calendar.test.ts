import { TZDate } from "@date-fns/tz";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addJoursOuvrables,
  addMonthsClamped,
  dateToDayKey,
  dayKeysBetween,
  dayKeyToDate,
  easterSunday,
  formatDay,
  formatMonth,
  formatShortDay,
  formatDate,
  formatDateTime,
  frenchPublicHolidays,
  isDayKey,
  isJourOuvrable,
  monthKeysBetween,
  parisClock,
  parisDayBounds,
  parisDayKey,
  parisToday,
  parseDayKey,
  shiftDayKey,
  shiftMonthKey,
} from "./calendar";

// Expected values are written as explicit instants (ISO strings with the Paris
// offset) and checked on Paris clocks with Intl, never with the process time zone.

const parisFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  weekday: "short",
  timeZoneName: "longOffset",
  hourCycle: "h23",
});

/** "2026-04-02 Thu 10:30:00 GMT+02:00" on Paris clocks. */
function paris(date: Date): string {
  const p = Object.fromEntries(parisFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.weekday} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

function at(iso: string): Date {
  return new Date(iso);
}

describe("LR-7 Easter and French public holidays", () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2000, 4, 23],
    [2019, 4, 21],
    // Earliest and latest possible dates.
    [1818, 3, 22],
    [2285, 3, 22],
    [1943, 4, 25],
  ])("Easter Sunday %i is %i/%i", (year, month, day) => {
    expect(easterSunday(year)).toEqual({ year, month, day });
  });

  it("lists the eleven holidays of 2026, sorted, with their French names", () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      { date: "2026-01-01", name: "Jour de l'an" },
      { date: "2026-04-06", name: "Lundi de Pâques" },
      { date: "2026-05-01", name: "Fête du Travail" },
      { date: "2026-05-08", name: "Victoire 1945" },
      { date: "2026-05-14", name: "Ascension" },
      { date: "2026-05-25", name: "Lundi de Pentecôte" },
      { date: "2026-07-14", name: "Fête nationale" },
      { date: "2026-08-15", name: "Assomption" },
      { date: "2026-11-01", name: "Toussaint" },
      { date: "2026-11-11", name: "Armistice 1918" },
      { date: "2026-12-25", name: "Noël" },
    ]);
  });

  it("derives the movable holidays from Easter, across month ends", () => {
    // Easter 2024 is 31 March: Easter Monday is 1 April, Ascension 9 May, Whit Monday 20 May.
    const movable = frenchPublicHolidays(2024).filter((h) => ["Lundi de Pâques", "Ascension", "Lundi de Pentecôte"].includes(h.name));
    expect(movable.map((h) => h.date)).toEqual(["2024-04-01", "2024-05-09", "2024-05-20"]);
    // Easter 2038 is 25 April: Ascension 3 June, Whit Monday 14 June.
    expect(frenchPublicHolidays(2038).find((h) => h.name === "Lundi de Pentecôte")?.date).toBe("2038-06-14");
    expect(frenchPublicHolidays(2038).find((h) => h.name === "Ascension")?.date).toBe("2038-06-03");
  });

  it("rejects non-integer years", () => {
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => frenchPublicHolidays(Number.NaN)).toThrow(RangeError);
  });
});

describe("LR-7 isJourOuvrable", () => {
  it("is false on Sundays and public holidays, true on Saturdays and other days", () => {
    expect(isJourOuvrable(at("2026-01-18T10:00:00+01:00"))).toBe(false); // Sunday
    expect(isJourOuvrable(at("2026-01-17T10:00:00+01:00"))).toBe(true); // Saturday
    expect(isJourOuvrable(at("2026-01-19T10:00:00+01:00"))).toBe(true); // Monday
    expect(isJourOuvrable(at("2026-04-06T10:00:00+02:00"))).toBe(false); // Lundi de Pâques
    expect(isJourOuvrable(at("2026-04-03T10:00:00+02:00"))).toBe(true); // Good Friday is not a holiday
    expect(isJourOuvrable(at("2026-07-14T10:00:00+02:00"))).toBe(false);
    expect(isJourOuvrable(at("2026-08-15T10:00:00+02:00"))).toBe(false); // a Saturday holiday
  });

  it("uses the Paris calendar day, not the UTC one", () => {
    // 30 April 22:30Z is already 1 May 00:30 in Paris.
    expect(isJourOuvrable(at("2026-04-30T22:30:00Z"))).toBe(false);
    // 31 December 23:30Z is already 1 January 00:30 in Paris.
    expect(isJourOuvrable(at("2026-12-31T23:30:00Z"))).toBe(false);
    // 1 May 22:30Z is already Saturday 2 May in Paris.
    expect(isJourOuvrable(at("2026-05-01T22:30:00Z"))).toBe(true);
  });

  it("rejects an invalid Date", () => {
    expect(() => isJourOuvrable(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("LR-7 addJoursOuvrables", () => {
  it("skips Sundays but counts Saturdays", () => {
    const friday = at("2026-01-16T10:00:00+01:00");
    expect(paris(addJoursOuvrables(friday, 1))).toBe("2026-01-17 Sat 10:00:00 GMT+01:00");
    expect(paris(addJoursOuvrables(friday, 2))).toBe("2026-01-19 Mon 10:00:00 GMT+01:00");
    expect(paris(addJoursOuvrables(friday, 5))).toBe("2026-01-22 Thu 10:00:00 GMT+01:00");
  });

  it("never counts the starting day, even when it is a jour ouvrable or a Sunday", () => {
    expect(paris(addJoursOuvrables(at("2026-01-19T08:00:00+01:00"), 1))).toBe("2026-01-20 Tue 08:00:00 GMT+01:00");
    expect(paris(addJoursOuvrables(at("2026-01-18T08:00:00+01:00"), 1))).toBe("2026-01-19 Mon 08:00:00 GMT+01:00");
  });

  it("skips Easter Monday", () => {
    expect(paris(addJoursOuvrables(at("2026-04-04T09:00:00+02:00"), 1))).toBe("2026-04-07 Tue 09:00:00 GMT+02:00");
    // Easter Monday 2024 is 1 April, across a month end.
    expect(paris(addJoursOuvrables(at("2024-03-30T09:00:00+01:00"), 1))).toBe("2024-04-02 Tue 09:00:00 GMT+02:00");
  });

  it("skips Ascension Thursday", () => {
    expect(paris(addJoursOuvrables(at("2026-05-13T14:00:00+02:00"), 1))).toBe("2026-05-15 Fri 14:00:00 GMT+02:00");
  });

  it("skips Whit Monday", () => {
    expect(paris(addJoursOuvrables(at("2026-05-23T14:00:00+02:00"), 1))).toBe("2026-05-26 Tue 14:00:00 GMT+02:00");
  });

  it("skips 1 May and 8 May", () => {
    // 2026: both are Fridays.
    const thursday = at("2026-04-30T11:00:00+02:00");
    expect(paris(addJoursOuvrables(thursday, 1))).toBe("2026-05-02 Sat 11:00:00 GMT+02:00");
    expect(paris(addJoursOuvrables(thursday, 5))).toBe("2026-05-07 Thu 11:00:00 GMT+02:00");
    expect(paris(addJoursOuvrables(thursday, 6))).toBe("2026-05-09 Sat 11:00:00 GMT+02:00");
  });

  it("does not move 1 May or 8 May to the Monday when they fall on a Sunday", () => {
    // 2022: 1 May and 8 May are Sundays; France has no substitute day off.
    expect(paris(addJoursOuvrables(at("2022-04-30T11:00:00+02:00"), 1))).toBe("2022-05-02 Mon 11:00:00 GMT+02:00");
    expect(paris(addJoursOuvrables(at("2022-05-07T11:00:00+02:00"), 1))).toBe("2022-05-09 Mon 11:00:00 GMT+02:00");
    // 2027: 1 May is a Saturday holiday, followed by a Sunday.
    expect(paris(addJoursOuvrables(at("2027-04-30T11:00:00+02:00"), 1))).toBe("2027-05-03 Mon 11:00:00 GMT+02:00");
  });

  it("crosses the year end: Friday 24 December 2027 + 5 and + 6", () => {
    const christmasEve = at("2027-12-24T17:00:00+01:00");
    // 25 December (Saturday) and 26 (Sunday) are skipped.
    expect(paris(addJoursOuvrables(christmasEve, 1))).toBe("2027-12-27 Mon 17:00:00 GMT+01:00");
    expect(paris(addJoursOuvrables(christmasEve, 5))).toBe("2027-12-31 Fri 17:00:00 GMT+01:00");
    // 1 January 2028 (Saturday) and 2 (Sunday) are skipped.
    expect(paris(addJoursOuvrables(christmasEve, 6))).toBe("2028-01-03 Mon 17:00:00 GMT+01:00");
  });

  it("chains across Christmas and New Year", () => {
    const posted = at("2026-12-23T16:45:00+01:00"); // Wednesday
    const fifth = addJoursOuvrables(posted, 5);
    expect(paris(fifth)).toBe("2026-12-30 Wed 16:45:00 GMT+01:00");
    const eighth = addJoursOuvrables(posted, 8);
    expect(paris(eighth)).toBe("2027-01-04 Mon 16:45:00 GMT+01:00");
    expect(addJoursOuvrables(fifth, 3)).toEqual(eighth);
    for (let n = 1; n <= 8; n++) {
      expect(addJoursOuvrables(addJoursOuvrables(posted, n - 1), 1)).toEqual(addJoursOuvrables(posted, n));
    }
  });

  it("counts Paris calendar days for an instant whose UTC date differs", () => {
    // Thursday 30 April 23:30 Paris is 21:30Z; Friday 1 May 00:30 Paris is 30 April 22:30Z.
    expect(paris(addJoursOuvrables(at("2026-04-30T21:30:00Z"), 1))).toBe("2026-05-02 Sat 23:30:00 GMT+02:00");
    expect(addJoursOuvrables(at("2026-04-30T22:30:00Z"), 1).toISOString()).toBe("2026-05-01T22:30:00.000Z");
  });

  it("keeps 10:30 Paris across the end of March (09:30Z → 08:30Z)", () => {
    // Friday before the last Sunday of March 2026 (29 March).
    const posted = at("2026-03-27T10:30:00+01:00");
    expect(posted.toISOString()).toBe("2026-03-27T09:30:00.000Z");
    const deadline = addJoursOuvrables(posted, 5);
    expect(paris(deadline)).toBe("2026-04-02 Thu 10:30:00 GMT+02:00");
    expect(deadline.toISOString()).toBe("2026-04-02T08:30:00.000Z");
    const tz = new TZDate(deadline, "Europe/Paris");
    expect([tz.getHours(), tz.getMinutes()]).toEqual([10, 30]);
  });

  it("keeps 10:30 Paris across the end of October (08:30Z → 09:30Z)", () => {
    // Friday before the last Sunday of October 2026 (25 October).
    const posted = at("2026-10-23T10:30:00+02:00");
    expect(posted.toISOString()).toBe("2026-10-23T08:30:00.000Z");
    const deadline = addJoursOuvrables(posted, 5);
    expect(paris(deadline)).toBe("2026-10-29 Thu 10:30:00 GMT+01:00");
    expect(deadline.toISOString()).toBe("2026-10-29T09:30:00.000Z");
  });

  it("keeps 02:30 Paris: the Sunday without 02:30 is never a jour ouvrable", () => {
    // 29 March 2026 has no 02:30 in Paris, but it is a Sunday, so it is skipped.
    const friday = at("2026-03-27T02:30:00+01:00");
    expect(paris(addJoursOuvrables(friday, 1))).toBe("2026-03-28 Sat 02:30:00 GMT+01:00");
    expect(paris(addJoursOuvrables(friday, 2))).toBe("2026-03-30 Mon 02:30:00 GMT+02:00");
    expect(addJoursOuvrables(friday, 2).toISOString()).toBe("2026-03-30T00:30:00.000Z");
    // 25 October 2026 has 02:30 twice; it is a Sunday too. Both occurrences lead to Monday 02:30.
    expect(paris(addJoursOuvrables(at("2026-10-24T02:30:00+02:00"), 1))).toBe("2026-10-26 Mon 02:30:00 GMT+01:00");
    expect(paris(addJoursOuvrables(at("2026-10-25T02:30:00+02:00"), 1))).toBe("2026-10-26 Mon 02:30:00 GMT+01:00");
    expect(paris(addJoursOuvrables(at("2026-10-25T02:30:00+01:00"), 1))).toBe("2026-10-26 Mon 02:30:00 GMT+01:00");
  });

  it("keeps seconds and milliseconds", () => {
    expect(addJoursOuvrables(at("2026-01-16T10:00:12.345+01:00"), 1).toISOString()).toBe("2026-01-17T09:00:12.345Z");
  });

  it("returns the same instant for n = 0, even on a Sunday or a holiday", () => {
    const sunday = at("2026-10-25T02:30:00+01:00");
    const result = addJoursOuvrables(sunday, 0);
    expect(result.getTime()).toBe(sunday.getTime());
    expect(result).not.toBe(sunday);
    expect(addJoursOuvrables(at("2026-12-25T12:00:00+01:00"), 0).toISOString()).toBe("2026-12-25T11:00:00.000Z");
  });

  it("does not mutate its argument", () => {
    const posted = at("2026-03-27T10:30:00+01:00");
    addJoursOuvrables(posted, 5);
    expect(posted.toISOString()).toBe("2026-03-27T09:30:00.000Z");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5])("rejects n = %s with a RangeError", (n) => {
    expect(() => addJoursOuvrables(at("2026-01-16T10:00:00+01:00"), n)).toThrow(RangeError);
  });

  it("rejects an invalid Date", () => {
    expect(() => addJoursOuvrables(new Date("not a date"), 5)).toThrow(RangeError);
  });
});

describe("LIFE-2 addMonthsClamped", () => {
  it("31 October 2024 + 16 months is 28 February 2026 at the same Paris time", () => {
    const lastLogin = at("2024-10-31T18:42:07+01:00");
    const deactivation = addMonthsClamped(lastLogin, 16);
    expect(paris(deactivation)).toBe("2026-02-28 Sat 18:42:07 GMT+01:00");
    expect(deactivation.toISOString()).toBe("2026-02-28T17:42:07.000Z");
    // The warning one month before.
    expect(paris(addMonthsClamped(lastLogin, 15))).toBe("2026-01-31 Sat 18:42:07 GMT+01:00");
  });

  it("31 January 2024 + 1 month is 29 February 2024 (leap year)", () => {
    expect(paris(addMonthsClamped(at("2024-01-31T09:00:00+01:00"), 1))).toBe("2024-02-29 Thu 09:00:00 GMT+01:00");
  });

  it("29 February 2024 + 12 months is 28 February 2025", () => {
    expect(paris(addMonthsClamped(at("2024-02-29T09:00:00+01:00"), 12))).toBe("2025-02-28 Fri 09:00:00 GMT+01:00");
    expect(paris(addMonthsClamped(at("2024-02-29T09:00:00+01:00"), 48))).toBe("2028-02-29 Tue 09:00:00 GMT+01:00");
  });

  it("goes backwards: 30 March 2026 − 1 month is 28 February 2026", () => {
    const result = addMonthsClamped(at("2026-03-30T10:00:00+02:00"), -1);
    expect(paris(result)).toBe("2026-02-28 Sat 10:00:00 GMT+01:00");
    expect(result.toISOString()).toBe("2026-02-28T09:00:00.000Z");
    expect(paris(addMonthsClamped(at("2026-03-15T10:00:00+01:00"), -15))).toBe("2024-12-15 Sun 10:00:00 GMT+01:00");
    expect(paris(addMonthsClamped(at("2026-01-31T10:00:00+01:00"), -2))).toBe("2025-11-30 Sun 10:00:00 GMT+01:00");
  });

  it("keeps the Paris time of day across DST changes", () => {
    const winter = at("2026-01-15T09:15:00+01:00");
    expect(paris(addMonthsClamped(winter, 2))).toBe("2026-03-15 Sun 09:15:00 GMT+01:00");
    const spring = addMonthsClamped(winter, 3);
    expect(paris(spring)).toBe("2026-04-15 Wed 09:15:00 GMT+02:00");
    expect(spring.toISOString()).toBe("2026-04-15T07:15:00.000Z");
    const summer = at("2026-09-15T09:15:00+02:00");
    expect(addMonthsClamped(summer, 2).toISOString()).toBe("2026-11-15T08:15:00.000Z");
    // Last login in summer, deactivation in winter.
    expect(paris(addMonthsClamped(at("2024-08-31T15:00:00+02:00"), 16))).toBe("2025-12-31 Wed 15:00:00 GMT+01:00");
  });

  it("moves a non-existent time (spring-forward gap) to the first valid instant", () => {
    // 29 March 2026 02:30 does not exist in Paris: clocks jump from 02:00 to 03:00 (01:00Z).
    const result = addMonthsClamped(at("2026-01-29T02:30:00+01:00"), 2);
    expect(result.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(paris(result)).toBe("2026-03-29 Sun 03:00:00 GMT+02:00");
  });

  it("takes the first occurrence of an ambiguous time (fall-back)", () => {
    // 25 October 2026 02:30 happens at 00:30Z (summer time) and again at 01:30Z.
    expect(addMonthsClamped(at("2026-09-25T02:30:00+02:00"), 1).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(addMonthsClamped(at("2026-11-25T02:30:00+01:00"), -1).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("returns the same instant for 0 months, even for the second occurrence of an ambiguous time", () => {
    const secondOccurrence = at("2026-10-25T02:30:00+01:00");
    const result = addMonthsClamped(secondOccurrence, 0);
    expect(result.getTime()).toBe(secondOccurrence.getTime());
    expect(result).not.toBe(secondOccurrence);
  });

  it("uses Paris calendar months for an instant whose UTC month differs", () => {
    // 31 January 23:30Z is already 1 February 00:30 in Paris.
    expect(paris(addMonthsClamped(at("2026-01-31T23:30:00Z"), 1))).toBe("2026-03-01 Sun 00:30:00 GMT+01:00");
    // 30 April 22:30Z is 1 May 00:30 Paris; 1 month later is 1 June 00:30 Paris.
    expect(addMonthsClamped(at("2026-04-30T22:30:00Z"), 1).toISOString()).toBe("2026-05-31T22:30:00.000Z");
  });

  it.each([1.5, Number.NaN, Number.NEGATIVE_INFINITY])("rejects months = %s with a RangeError", (months) => {
    expect(() => addMonthsClamped(at("2026-01-15T09:15:00+01:00"), months)).toThrow(RangeError);
  });

  it("rejects an invalid Date", () => {
    expect(() => addMonthsClamped(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe("LIFE-2 independence from the process time zone", () => {
  const localMethods = [
    "getFullYear",
    "getMonth",
    "getDate",
    "getDay",
    "getHours",
    "getMinutes",
    "getSeconds",
    "getMilliseconds",
    "getTimezoneOffset",
    "setFullYear",
    "setMonth",
    "setDate",
    "setHours",
    "setMinutes",
    "setSeconds",
    "setMilliseconds",
  ] as const;

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("never reads or writes a Date through the machine's local time zone", () => {
    // process.env.TZ is left as it is; instead, every local-time method of Date
    // throws while the functions run, so none of them can depend on it.
    const expected = {
      months: addMonthsClamped(at("2024-10-31T10:00:00+01:00"), 16).toISOString(),
      gap: addMonthsClamped(at("2026-01-29T02:30:00+01:00"), 2).toISOString(),
      ambiguous: addMonthsClamped(at("2026-09-25T02:30:00+02:00"), 1).toISOString(),
      jours: addJoursOuvrables(at("2026-03-27T10:30:00+01:00"), 5).toISOString(),
    };
    for (const method of localMethods) {
      vi.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`Date.prototype.${method} must not be used`);
      });
    }
    expect({
      months: addMonthsClamped(at("2024-10-31T10:00:00+01:00"), 16).toISOString(),
      gap: addMonthsClamped(at("2026-01-29T02:30:00+01:00"), 2).toISOString(),
      ambiguous: addMonthsClamped(at("2026-09-25T02:30:00+02:00"), 1).toISOString(),
      jours: addJoursOuvrables(at("2026-03-27T10:30:00+01:00"), 5).toISOString(),
    }).toEqual(expected);
    expect(isJourOuvrable(at("2026-05-01T10:00:00+02:00"))).toBe(false);
    expect(frenchPublicHolidays(2026)).toHaveLength(11);
    vi.restoreAllMocks();
    expect(expected).toEqual({
      months: "2026-02-28T09:00:00.000Z",
      gap: "2026-03-29T01:00:00.000Z",
      ambiguous: "2026-10-25T00:30:00.000Z",
      jours: "2026-04-02T08:30:00.000Z",
    });
  });
});

describe("ADM-5 Paris days: day keys of instants", () => {
  it.each([
    // Winter (UTC+1): a Paris day starts at 23:00 UTC the day before.
    ["2026-01-15T22:59:59.999Z", "2026-01-15"],
    ["2026-01-15T23:00:00.000Z", "2026-01-16"],
    // Summer (UTC+2): it starts at 22:00 UTC.
    ["2026-07-14T21:59:59.999Z", "2026-07-14"],
    ["2026-07-14T22:00:00.000Z", "2026-07-15"],
    // New year in Paris while UTC is still on 31 December.
    ["2025-12-31T23:30:00.000Z", "2026-01-01"],
    // The DST change days themselves, on both sides of the change.
    ["2026-03-29T00:59:59.999Z", "2026-03-29"],
    ["2026-03-29T01:00:00.000Z", "2026-03-29"],
    ["2026-03-29T21:59:59.999Z", "2026-03-29"],
    ["2026-03-29T22:00:00.000Z", "2026-03-30"],
    ["2026-10-25T00:30:00.000Z", "2026-10-25"],
    ["2026-10-25T01:30:00.000Z", "2026-10-25"],
    ["2026-10-25T22:59:59.999Z", "2026-10-25"],
    ["2026-10-25T23:00:00.000Z", "2026-10-26"],
  ])("%s is %s in Paris", (instant, day) => {
    expect(parisDayKey(at(instant))).toBe(day);
  });

  it("gives today's @db.Date value and the Paris clock of jobs", () => {
    expect(parisToday(at("2026-07-01T22:00:00Z")).toISOString()).toBe("2026-07-02T00:00:00.000Z");
    expect(parisClock(at("2026-10-25T00:30:00Z"))).toEqual({ day: "2026-10-25", hour: 2, minute: 30 });
    expect(parisClock(at("2026-10-25T01:30:00Z"))).toEqual({ day: "2026-10-25", hour: 2, minute: 30 });
    expect(parisClock(at("2026-03-29T01:00:00Z"))).toEqual({ day: "2026-03-29", hour: 3, minute: 0 });
  });

  it("rejects an invalid Date", () => {
    expect(() => parisDayKey(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => parisClock(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("ADM-5 Paris days: bounds [start, end)", () => {
  const HOUR_MS = 3_600_000;
  it.each([
    ["a winter day", "2026-01-15", "2026-01-14T23:00:00.000Z", "2026-01-15T23:00:00.000Z", 24],
    ["a summer day", "2026-07-14", "2026-07-13T22:00:00.000Z", "2026-07-14T22:00:00.000Z", 24],
    ["the spring change day (23 h)", "2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", 23],
    ["the autumn change day (25 h)", "2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z", 25],
    ["the day after the spring change", "2026-03-30", "2026-03-29T22:00:00.000Z", "2026-03-30T22:00:00.000Z", 24],
    ["the last day of a year", "2026-12-31", "2026-12-30T23:00:00.000Z", "2026-12-31T23:00:00.000Z", 24],
  ])("%s: %s", (_label, day, start, end, hours) => {
    const bounds = parisDayBounds(day);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
    expect((bounds.end.getTime() - bounds.start.getTime()) / HOUR_MS).toBe(hours);
    // The bounds are the day's own midnights on Paris clocks.
    expect(paris(bounds.start)).toMatch(new RegExp(`^${day} \\w+ 00:00:00`));
    expect(parisDayKey(new Date(bounds.end.getTime() - 1))).toBe(day);
    expect(parisDayKey(bounds.end)).toBe(shiftDayKey(day, 1));
  });

  it("refuses a key that is not a real day (parse input first)", () => {
    for (const day of ["2026-02-30", "2026-99-99", "", "15/01/2026"]) expect(() => parisDayBounds(day)).toThrow(RangeError);
  });
});

describe("ADM-5 Paris days: parsing AAAA-MM-JJ", () => {
  it("accepts real days", () => {
    for (const day of ["2026-01-01", "2026-03-29", "2026-10-25", "2028-02-29", "2026-12-31"]) expect(parseDayKey(day)).toEqual({ ok: true, day });
  });

  it("refuses days that do not exist and other shapes, without throwing", () => {
    const refused: unknown[] = [
      "2026-02-30",
      "2026-02-29",
      "2026-99-99",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-1-01",
      "2026-01-1",
      "20260-01-01",
      "15/01/2026",
      "2026-01-15T00:00",
      " 2026-01-15",
      "",
      undefined,
      null,
      20260115,
      ["2026-01-15"],
    ];
    for (const value of refused) {
      expect(parseDayKey(value)).toEqual({ ok: false });
      if (typeof value === "string") expect(isDayKey(value)).toBe(false);
    }
  });
});

describe("ADM-5 Paris days: @db.Date values, day and month arithmetic, French labels", () => {
  it("converts between day keys and @db.Date values", () => {
    expect(dayKeyToDate("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(dateToDayKey(new Date("2026-10-25T00:00:00.000Z"))).toBe("2026-10-25");
    expect(() => dayKeyToDate("2026-02-30")).toThrow(RangeError);
  });

  it("adds days and months across month and year ends", () => {
    expect(shiftDayKey("2026-03-28", 1)).toBe("2026-03-29");
    expect(shiftDayKey("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDayKey("2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftMonthKey("2026-11-21", -11)).toBe("2025-12");
    expect(shiftMonthKey("2026-01", -1)).toBe("2025-12");
    expect(dayKeysBetween("2026-03-28", "2026-03-30")).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(dayKeysBetween("2026-03-30", "2026-03-28")).toEqual([]);
    expect(dayKeysBetween("2028-02-27", "2028-03-01")).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(dayKeysBetween("2026-02-27", "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(dayKeysBetween("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    // A whole year day by day agrees with one-day steps.
    const year = dayKeysBetween("2027-11-30", "2028-11-30");
    expect(year).toHaveLength(367);
    year.slice(1).forEach((day, index) => expect(day).toBe(shiftDayKey(year[index], 1)));
    expect(monthKeysBetween("2025-11-30", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("writes days and months in French", () => {
    expect(formatDay("2027-03-12")).toBe("12 mars 2027");
    expect(formatDay(new Date("2025-12-01T00:00:00.000Z"))).toBe("1er décembre 2025");
    expect(formatShortDay("2027-09-01")).toBe("01/09/2027");
    // A key and its `@db.Date` value are written alike.
    for (const day of dayKeysBetween("2027-12-25", "2028-03-05")) expect(formatShortDay(day)).toBe(formatShortDay(dayKeyToDate(day)));
    expect(formatMonth("2026-11")).toBe("novembre 2026");
  });
});

describe("ADM-5 Paris days: independence from the process time zone", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("never reads or writes a Date through the machine's local time zone", () => {
    const run = () => ({
      key: parisDayKey(at("2026-10-25T22:59:59.999Z")),
      clock: parisClock(at("2026-03-29T01:00:00Z")),
      parsed: [parseDayKey("2026-02-29"), parseDayKey("2028-02-29")],
      summer: parisDayBounds("2026-07-14").start.toISOString(),
      spring: parisDayBounds("2026-03-29").end.toISOString(),
      autumn: parisDayBounds("2026-10-25").end.toISOString(),
    });
    const expected = run();
    for (const method of ["getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes", "getTimezoneOffset", "setFullYear", "setMonth", "setDate", "setHours", "setMinutes"] as const) {
      vi.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`Date.prototype.${method} must not be used`);
      });
    }
    expect(run()).toEqual(expected);
    vi.restoreAllMocks();
    expect(expected).toEqual({
      key: "2026-10-25",
      clock: { day: "2026-03-29", hour: 3, minute: 0 },
      parsed: [{ ok: false }, { ok: true, day: "2028-02-29" }],
      summer: "2026-07-13T22:00:00.000Z",
      spring: "2026-03-29T22:00:00.000Z",
      autumn: "2026-10-25T23:00:00.000Z",
    });
  });
});

describe("issue 16 item 7: one date style, 1er for the first day of a month", () => {
  it("writes instants in Paris time, the long way", () => {
    // 23:30 UTC on 28 February is already 1 March in Paris.
    expect(formatDate(new Date("2027-02-28T23:30:00Z"))).toBe("1er mars 2027");
    expect(formatDateTime(new Date("2027-02-28T23:30:00Z"))).toBe("1er mars 2027 à 00:30");
    expect(formatDateTime(new Date("2026-07-14T08:05:09Z"), { seconds: true })).toBe("14 juillet 2026 à 10:05:09");
    expect(formatDay("2027-01-01")).toBe("1er janvier 2027");
    expect(formatDay("2027-01-11")).toBe("11 janvier 2027");
  });
});
