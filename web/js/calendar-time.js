// Times of the calendar. The server exchanges instants in UTC ("YYYY-MM-DD HH:MM:SS", Odoo's format) and days as
// "YYYY-MM-DD"; the screen works in wall times: Date objects whose UTC fields hold the clock time of the user's time zone
// (so that adding a day is adding 24 hours, whatever the daylight saving time does), converted at the edges.
import { locale, timeZone, isSpanish } from './i18n.js';

export const MINUTE = 60000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const partFormats = new Map();
/** The wall time (ms) of an instant in the user's zone. */
function wallMs(instant) {
  const zone = timeZone();
  if (!partFormats.has(zone)) {
    partFormats.set(zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit' }));
  }
  const p = Object.fromEntries(partFormats.get(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
}

/** The wall time of an instant. */
export const toWall = (instant) => new Date(wallMs(instant));

/** The instant of a wall time (one in the hour skipped when clocks go forward: an hour earlier). */
export function fromWall(wall) {
  const ms = wall.getTime();
  let guess = ms - (wallMs(new Date(ms)) - ms);
  guess = ms - (wallMs(new Date(guess)) - guess);
  return new Date(guess);
}

/** "YYYY-MM-DD HH:MM:SS" (UTC) → the instant. */
export const parseServer = (text) => new Date(`${String(text).replace(' ', 'T')}Z`);
/** The instant → "YYYY-MM-DD HH:MM:SS" (UTC). */
export const serverText = (instant) => instant.toISOString().slice(0, 19).replace('T', ' ');
/** A server datetime as a wall time, and back. */
export const wallOf = (text) => toWall(parseServer(text));
export const serverOfWall = (wall) => serverText(fromWall(wall));

/** Wall days: "YYYY-MM-DD" ↔ the wall time of its midnight. */
export const dayOf = (iso) => new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
export const isoDay = (wall) => wall.toISOString().slice(0, 10);
/** "HH:MM" of a wall time (for <input type=time>). */
export const hhmm = (wall) => wall.toISOString().slice(11, 16);

export const startOfDay = (wall) => new Date(Math.floor(wall.getTime() / DAY) * DAY);
export const addDays = (wall, days) => new Date(wall.getTime() + days * DAY);
export const addMinutes = (wall, minutes) => new Date(wall.getTime() + minutes * MINUTE);
export const minutesOfDay = (wall) => (wall.getTime() - startOfDay(wall).getTime()) / MINUTE;
/** Whole days from a to b (wall midnights). */
export const daysBetween = (a, b) => Math.round((startOfDay(b) - startOfDay(a)) / DAY);

/** The first day of the week: Monday in Spanish (as in Mexico's Odoo), Sunday in American English. */
export const firstWeekday = () => (isSpanish() ? 1 : 0);
export function startOfWeek(wall) {
  const day = startOfDay(wall);
  return addDays(day, -((day.getUTCDay() - firstWeekday() + 7) % 7));
}
export const startOfMonth = (wall) => new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), 1));
export const addMonths = (wall, months) => new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + months, 1));

/** The wall time now, and today's midnight. */
export const now = () => toWall(new Date());
export const today = () => startOfDay(now());

const formats = new Map();
function format(key, options) {
  const full = `${locale()}|${key}`;
  // Wall times are formatted as UTC: their UTC fields are the user's clock.
  if (!formats.has(full)) formats.set(full, new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' }));
  return formats.get(full);
}
// Spanish shows the 24-hour clock (as Odoo's es_MX), English its a.m./p.m.
const clock = () => (isSpanish() ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { hour: 'numeric', minute: '2-digit' });

/** "14:00" / "2:00 PM". */
export const timeText = (wall) => format('time', clock()).format(wall);
/** The hour's label in the grid's gutter: "14:00" / "2 PM". */
export const hourText = (wall) => format('hour', isSpanish() ? clock() : { hour: 'numeric' }).format(wall);
/** "14:00–15:00" / "2:00 – 3:00 PM". */
export const timeRange = (start, stop) => format('time', clock()).formatRange(start, stop);
/** The day's name, short ("lun" / "Mon") and its number. */
export const weekdayShort = (wall) => format('wd', { weekday: 'short' }).format(wall).replace(/\.$/, '');
export const weekdayLong = (wall) => format('wdl', { weekday: 'long' }).format(wall);
export const dayNumber = (wall) => String(wall.getUTCDate());
/** "martes, 3 de marzo de 2026" / "Tuesday, March 3, 2026", with a capital. */
export const longDay = (wall) => capital(format('long', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(wall));
/** "3 de marzo" / "March 3". */
export const shortDay = (wall) => format('short', { day: 'numeric', month: 'long' }).format(wall);

export function capital(text) {
  return text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);
}

/** The title of the shown range: the day, the week's days ("3–9 de marzo de 2026") or the month ("Marzo de 2026"). */
export function rangeTitle(view, anchor) {
  if (view === 'day') return longDay(anchor);
  if (view === 'month') return capital(format('month', { month: 'long', year: 'numeric' }).format(anchor));
  const first = startOfWeek(anchor);
  return format('range', { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(first, addDays(first, 6));
}

/** When an event happens, in words: "martes, 3 de marzo, 14:00–15:00", or its days when it lasts all day. */
export function whenText(event) {
  if (event.allday) {
    const first = dayOf(event.start_date), last = dayOf(event.stop_date || event.start_date);
    const days = format('days', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    return capital(first.getTime() === last.getTime() ? days.format(first) : days.formatRange(first, last));
  }
  const start = wallOf(event.start), stop = wallOf(event.stop);
  return capital(format('when', { weekday: 'long', day: 'numeric', month: 'long', ...clock() }).formatRange(start, stop));
}
