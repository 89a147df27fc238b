import { describe, expect, it } from 'vitest';
import { hoursOpenAt, localTime } from '../../src/routing/open-hours.js';
import type { HoursOfOperationConfig, Weekday } from '../../src/store/ports/index.js';

// 2026-03-09 is a Monday; 2026-03-08 (Sunday) is when New York moves from EST (-5) to EDT (-4).
const slice = (Day: Weekday, from: string, to: string): HoursOfOperationConfig => {
  const [sh = 0, sm = 0] = from.split(':').map(Number);
  const [eh = 0, em = 0] = to.split(':').map(Number);
  return { Day, StartTime: { Hours: sh, Minutes: sm }, EndTime: { Hours: eh, Minutes: em } };
};
const weekdays = (from: string, to: string): HoursOfOperationConfig[] =>
  (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((d) => slice(d, from, to));

describe('localTime', () => {
  it('reads the weekday and minute of day in the zone', () => {
    expect(localTime('Asia/Tokyo', Date.UTC(2026, 2, 9, 0, 0))).toEqual({ day: 'MONDAY', minutes: 9 * 60 });
    expect(localTime('America/New_York', Date.UTC(2026, 2, 9, 3, 30))).toEqual({
      day: 'SUNDAY',
      minutes: 23 * 60 + 30,
    });
    expect(localTime('UTC', Date.UTC(2026, 2, 10, 0, 0, 59))).toEqual({ day: 'TUESDAY', minutes: 0 });
  });
});

describe('hoursOpenAt', () => {
  it('Tokyo business hours, Monday to Friday 09:00-18:00', () => {
    const tokyo = { TimeZone: 'Asia/Tokyo', Config: weekdays('09:00', '18:00') };
    expect(hoursOpenAt(tokyo, Date.UTC(2026, 2, 9, 0, 0))).toBe(true); // Mon 09:00 JST
    expect(hoursOpenAt(tokyo, Date.UTC(2026, 2, 8, 23, 59))).toBe(false); // Mon 08:59 JST
    expect(hoursOpenAt(tokyo, Date.UTC(2026, 2, 8, 23, 59, 59))).toBe(false); // Mon 08:59:59 JST
    expect(hoursOpenAt(tokyo, Date.UTC(2026, 2, 9, 8, 59))).toBe(true); // Mon 17:59 JST
    expect(hoursOpenAt(tokyo, Date.UTC(2026, 2, 9, 9, 0))).toBe(false); // Mon 18:00 JST
    expect(hoursOpenAt(tokyo, Date.UTC(2026, 2, 14, 1, 0))).toBe(false); // Sat 10:00 JST
    expect(hoursOpenAt(tokyo, Date.UTC(2026, 2, 15, 1, 0))).toBe(false); // Sun 10:00 JST
  });

  it('New York hours follow the wall clock on both sides of the DST change', () => {
    const ny = { TimeZone: 'America/New_York', Config: weekdays('09:00', '17:00') };
    // Friday 2026-03-06, EST (UTC-5)
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 6, 13, 59))).toBe(false); // 08:59 EST
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 6, 14, 0))).toBe(true); // 09:00 EST
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 6, 21, 59))).toBe(true); // 16:59 EST
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 6, 22, 0))).toBe(false); // 17:00 EST
    // Monday 2026-03-09, EDT (UTC-4)
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 9, 12, 59))).toBe(false); // 08:59 EDT
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 9, 13, 0))).toBe(true); // 09:00 EDT
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 9, 20, 59))).toBe(true); // 16:59 EDT
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 9, 21, 0))).toBe(false); // 17:00 EDT
  });

  it('a slice spanning the skipped hour on the DST day', () => {
    const ny = { TimeZone: 'America/New_York', Config: [slice('SUNDAY', '01:00', '04:00')] };
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 8, 5, 59))).toBe(false); // 00:59 EST
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 8, 6, 59))).toBe(true); // 01:59 EST
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 8, 7, 0))).toBe(true); // 03:00 EDT
    expect(hoursOpenAt(ny, Date.UTC(2026, 2, 8, 8, 0))).toBe(false); // 04:00 EDT
  });

  it('an overnight slice runs into the next day', () => {
    const late = { TimeZone: 'UTC', Config: [slice('FRIDAY', '22:00', '02:00')] };
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 13, 21, 59))).toBe(false); // Fri 21:59
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 13, 22, 0))).toBe(true); // Fri 22:00
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 14, 0, 0))).toBe(true); // Sat 00:00
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 14, 1, 59))).toBe(true); // Sat 01:59
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 14, 2, 0))).toBe(false); // Sat 02:00
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 13, 1, 0))).toBe(false); // Fri 01:00 (Thursday has no slice)
  });

  it('a Saturday overnight slice wraps into Sunday morning', () => {
    const late = { TimeZone: 'UTC', Config: [slice('SATURDAY', '22:00', '02:00')] };
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 15, 1, 0))).toBe(true); // Sun 01:00
    expect(hoursOpenAt(late, Date.UTC(2026, 2, 15, 2, 0))).toBe(false); // Sun 02:00
  });

  it('equal non-midnight start and end is a full 24 hours from the start', () => {
    const h = { TimeZone: 'UTC', Config: [slice('MONDAY', '09:00', '09:00')] };
    expect(hoursOpenAt(h, Date.UTC(2026, 2, 9, 8, 59))).toBe(false); // Mon 08:59
    expect(hoursOpenAt(h, Date.UTC(2026, 2, 10, 8, 59))).toBe(true); // Tue 08:59
    expect(hoursOpenAt(h, Date.UTC(2026, 2, 10, 9, 0))).toBe(false); // Tue 09:00
  });

  it('00:00-00:00 is the whole day', () => {
    const wed = { TimeZone: 'Asia/Tokyo', Config: [slice('WEDNESDAY', '00:00', '00:00')] };
    expect(hoursOpenAt(wed, Date.UTC(2026, 2, 10, 14, 59))).toBe(false); // Tue 23:59 JST
    expect(hoursOpenAt(wed, Date.UTC(2026, 2, 10, 15, 0))).toBe(true); // Wed 00:00 JST
    expect(hoursOpenAt(wed, Date.UTC(2026, 2, 11, 14, 59))).toBe(true); // Wed 23:59 JST
    expect(hoursOpenAt(wed, Date.UTC(2026, 2, 11, 15, 0))).toBe(false); // Thu 00:00 JST
  });

  it('several slices on one day leave the gaps closed', () => {
    const split = {
      TimeZone: 'UTC',
      Config: [slice('MONDAY', '09:00', '12:00'), slice('MONDAY', '13:00', '17:00')],
    };
    expect(hoursOpenAt(split, Date.UTC(2026, 2, 9, 11, 59))).toBe(true);
    expect(hoursOpenAt(split, Date.UTC(2026, 2, 9, 12, 0))).toBe(false);
    expect(hoursOpenAt(split, Date.UTC(2026, 2, 9, 12, 59))).toBe(false);
    expect(hoursOpenAt(split, Date.UTC(2026, 2, 9, 13, 0))).toBe(true);
    expect(hoursOpenAt(split, Date.UTC(2026, 2, 9, 17, 0))).toBe(false);
  });

  it('an empty Config is always closed', () => {
    const none = { TimeZone: 'UTC', Config: [] };
    expect(hoursOpenAt(none, Date.UTC(2026, 2, 9, 12, 0))).toBe(false);
    expect(hoursOpenAt(none, Date.UTC(2026, 2, 14, 0, 0))).toBe(false);
  });
});
