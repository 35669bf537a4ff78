// The Europe/Paris calendar day of an instant, as the value Prisma compares with a
// `@db.Date` column (midnight UTC of that day). A subscription's startDate and endDate are
// Paris calendar days: at 00:30 in Paris on 1 March, "today" is 1 March even though it is
// still 28 February in UTC.
import { TZDate } from "@date-fns/tz";

export function parisCalendarDay(instant: Date): Date {
  const paris = new TZDate(instant.getTime(), "Europe/Paris");
  return new Date(Date.UTC(paris.getFullYear(), paris.getMonth(), paris.getDate()));
}
