/**
 * Amazon Connect's CheckHoursOfOperation as a pure function: is an instant inside one of the hours'
 * Config slices, read on the wall clock of the hours' IANA time zone.
 *
 * A slice is [StartTime, EndTime) on its Day. 00:00–00:00 is the whole day. An EndTime earlier than or
 * equal to its StartTime runs past midnight into the next day (FRIDAY 22:00–02:00 also covers Saturday
 * 00:00–01:59, SATURDAY 22:00–02:00 covers Sunday morning). Empty Config is always closed.
 */
import type { HoursOfOperation, HoursOfOperationConfig, Weekday } from '../store/ports/index.js';

const WEEKDAYS: readonly Weekday[] = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];
const SHORT_DAY: ReadonlyMap<string, number> = new Map(
  ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((d, i) => [d, i]),
);
const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  day: Weekday;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

/** The local weekday and minute of day of `at` (epoch ms) in `timeZone`. */
export function localTime(timeZone: string, at: number): LocalTime {
  let weekday = '';
  let hour = 0;
  let minute = 0;
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type === 'weekday') weekday = part.value;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  const index = SHORT_DAY.get(weekday);
  const day = index === undefined ? undefined : WEEKDAYS[index];
  if (day === undefined) throw new Error(`unexpected weekday '${weekday}' for ${timeZone}`);
  return { day, minutes: hour * 60 + minute };
}

/** The slice as [start, end) in minutes since Sunday 00:00; `end` may pass the end of the week. */
function sliceRange(slice: HoursOfOperationConfig): [number, number] {
  const dayStart = WEEKDAYS.indexOf(slice.Day) * DAY_MINUTES;
  const start = slice.StartTime.Hours * 60 + slice.StartTime.Minutes;
  const end = slice.EndTime.Hours * 60 + slice.EndTime.Minutes;
  const length = end > start ? end - start : end - start + DAY_MINUTES;
  return [dayStart + start, dayStart + start + length];
}

/** Whether the hours are open at `at` (epoch ms). */
export function hoursOpenAt(hours: Pick<HoursOfOperation, 'TimeZone' | 'Config'>, at: number): boolean {
  if (hours.Config.length === 0) return false;
  const local = localTime(hours.TimeZone, at);
  const week = WEEKDAYS.indexOf(local.day) * DAY_MINUTES + local.minutes;
  return hours.Config.some((slice) => {
    const [start, end] = sliceRange(slice);
    return (week >= start && week < end) || (week + WEEK_MINUTES >= start && week + WEEK_MINUTES < end);
  });
}
