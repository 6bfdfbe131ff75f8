/**
 * Video-meeting participant reports as Zoom and Microsoft Teams write them: a meeting summary
 * block (topic, start and end time), then the participant table (name, email, join and leave
 * times, duration). Zoom writes UTF-8 CSV; Teams writes UTF-16 with tabs. A person who left and
 * rejoined has one row per stay: their stays are added up.
 */
import Papa from 'papaparse';
import { localToInstant } from '@shared/grading';
import { fileError } from './problems';

export interface Participant {
  /** 0-based line of the person's first row in the file. */
  row: number;
  name: string;
  email: string | null;
  /** First join, in ms. */
  joined: number;
  minutes: number;
}

export interface MeetingReport {
  /** Local date of the meeting (YYYY-MM-DD), from the summary or the earliest join. */
  date: string;
  /** The meeting's start in ms (summary, or the earliest join). */
  start: number;
  participants: Participant[];
}

/** Text of a file in any of the encodings these reports come in. */
export function decodeReport(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (bytes.length > 3 && bytes[1] === 0 && bytes[3] === 0) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes.length > 3 && bytes[0] === 0 && bytes[2] === 0) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const NAME = /^(name|full name|participant|name \(original name\)|display name)$/i;
const EMAIL = /e-?mail/i;
const JOIN = /join/i;
const LEAVE = /leave/i;
const DURATION = /duration/i;

/** The line index of the participant table's header, or -1: a name column beside an email or join column. */
function headerIndex(rows: string[][]): number {
  return rows.findIndex((r) => r.some((c) => NAME.test(c.trim())) && r.some((c) => EMAIL.test(c) || JOIN.test(c)));
}

/** Whether a text file is a participant report (rather than a sign-in sheet). */
export function isMeetingReport(text: string): boolean {
  return headerIndex(parseRows(text)) >= 0;
}

function parseRows(text: string): string[][] {
  // The summary lines have fewer separators than the table, so the separator is the table line's.
  const tabs = (text.match(/\t/g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  const delimiter = tabs > 0 && tabs * 3 >= commas ? '\t' : ',';
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
}

const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** A report time ("10/26/2026 09:59:01 AM", "10/26/26, 9:59:01 AM", "2026-10-26 09:59:01") read in `timeZone`. */
export function reportTime(s: string, timeZone: string): { date: string; at: number } | null {
  const t = s.trim();
  let y: number, mo: number, d: number, h: number, mi: number, sec: number;
  const m = MONTH_FIRST.exec(t);
  const iso = m ? null : ISO.exec(t);
  if (m) {
    [mo, d, y, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)];
    if (y < 100) y += 2000;
    const pm = m[7]?.toUpperCase();
    if (pm && (h < 1 || h > 12)) return null;
    if (pm === 'PM' && h < 12) h += 12;
    if (pm === 'AM' && h === 12) h = 0;
  } else if (iso) {
    [y, mo, d, h, mi, sec] = [+iso[1]!, +iso[2]!, +iso[3]!, +iso[4]!, +iso[5]!, +(iso[6] ?? 0)];
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const time = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
  return { date, at: localToInstant(date, time, timeZone) + sec * 1000 };
}

/** Minutes of "76" (Zoom) or "1h 15m 59s" / "45m 3s" / "59s" (Teams). */
export function reportMinutes(s: string): number | null {
  const t = s.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/i.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
}

/** The summary block's meeting start: a "Start Time" / "Meeting Start Time" line above the table. */
function summaryStart(rows: string[][], header: number, timeZone: string): { date: string; at: number } | null {
  for (let r = 0; r < header; r++) {
    const cells = rows[r]!;
    const c = cells.findIndex((x) => /start time/i.test(x));
    if (c < 0) continue;
    // Teams: "Start time<TAB>value" on one line; Zoom: a header line and the values below it.
    const value = cells.length > c + 1 && cells[c + 1]!.trim() && !/time/i.test(cells[c + 1]!) ? cells[c + 1]! : rows[r + 1]?.[c];
    const parsed = value ? reportTime(value, timeZone) : null;
    if (parsed) return parsed;
  }
  return null;
}

/** Reads a participant report; refuses a file without a participant table or with unreadable times. */
export function readMeetingReport(text: string, timeZone: string, fileName: string): MeetingReport {
  const rows = parseRows(text);
  const header = headerIndex(rows);
  if (header < 0) {
    throw fileError(`'${fileName}' has no participant table (a header with Name and Email or Join time columns).`);
  }
  const head = rows[header]!.map((c) => c.trim());
  const col = (re: RegExp) => head.findIndex((c) => re.test(c));
  const [name, email, join, duration] = [col(NAME), col(EMAIL), col(JOIN), col(DURATION)];
  const leave = col(LEAVE);
  const byPerson = new Map<string, Participant>();
  const bad: string[] = [];
  for (let r = header + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    // The table ends at a blank line (Teams puts an activity section after it).
    if (cells.every((c) => c.trim() === '')) break;
    const who = cells[name]?.trim() ?? '';
    if (!who) continue;
    const mail = email >= 0 ? cells[email]!.trim().toLowerCase() || null : null;
    const joined = join >= 0 ? reportTime(cells[join] ?? '', timeZone) : null;
    const left = leave >= 0 ? reportTime(cells[leave] ?? '', timeZone) : null;
    let minutes = duration >= 0 ? reportMinutes(cells[duration] ?? '') : null;
    if (minutes === null && joined && left) minutes = (left.at - joined.at) / 60_000;
    if (!joined || minutes === null) {
      bad.push(`line ${r + 1} (${who})`);
      continue;
    }
    const key = mail ?? who.toLowerCase();
    const seen = byPerson.get(key);
    if (seen) {
      seen.joined = Math.min(seen.joined, joined.at);
      seen.minutes += minutes;
    } else byPerson.set(key, { row: r, name: who, email: mail, joined: joined.at, minutes });
  }
  if (bad.length > 0) {
    throw fileError(
      `'${fileName}': the join time or duration cannot be read on ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''}. Export the report again from Zoom or Teams.`,
    );
  }
  const participants = [...byPerson.values()];
  if (participants.length === 0) throw fileError(`'${fileName}' lists no participants.`);
  const first = participants.reduce((a, p) => (p.joined < a.joined ? p : a));
  const start = summaryStart(rows, header, timeZone);
  const firstJoin = reportTime(rows[first.row]![join]!, timeZone)!;
  return { date: (start ?? firstJoin).date, start: (start ?? firstJoin).at, participants };
}
