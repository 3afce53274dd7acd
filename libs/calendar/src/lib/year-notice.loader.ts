import { CalendarError } from './calendar.error';
import {
  type DaySwap,
  type ExtraDayOff,
  type SourceConfidence,
  type YearDecision,
  type YearNotice,
} from './day-swaps.types';
import { parseIsoDate } from './iso-date.util';

/**
 * A year's government notices as data (`src/data/year-notices/<year>.json`): the notices with
 * their number, date of issue, issuer, where they were read and how sure we are, and the days
 * they decide, each naming the notice it comes from. `yearDecisionFromNotice` checks the shape
 * and turns it into the `YearDecision` of the swap table; the calendar then checks the days
 * against the holiday rules when it is built (day-swaps.validator.ts). docs/legal-rules.md
 * says how to add a year.
 */
export type YearNoticeFile = {
  year: number;
  notices: YearNotice[];
  tetDays?: { dates: string[]; notice: string };
  nationalDayAdjacent?: { date: string; notice: string };
  swaps?: Array<{ dayOff: string; makeUpDay: string; notice: string }>;
  extraDaysOff?: Array<{ date: string; nameVi: string; nameEn: string; notice: string }>;
};

const CONFIDENCE: readonly SourceConfidence[] = ['confirmed', 'copy', 'unverified'];
const FILE_KEYS = ['year', 'notices', 'tetDays', 'nationalDayAdjacent', 'swaps', 'extraDaysOff'];
const NOTICE_KEYS = [
  'id',
  'document',
  'issuedBy',
  'issuedOn',
  'reference',
  'confidence',
  'note',
  'confirmsDaysOff',
];

type Json = Record<string, unknown>;

function fail(where: string, detail: string): never {
  throw new CalendarError('swap-table', `year notice ${where}: ${detail}`);
}

function object(value: unknown, where: string, keys: readonly string[]): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(where, 'must be an object');
  }
  const unknown = Object.keys(value as Json).filter((k) => !keys.includes(k));
  if (unknown.length > 0)
    fail(where, `unknown field(s) ${unknown.join(', ')}; allowed: ${keys.join(', ')}`);
  return value as Json;
}

function text(value: unknown, where: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || !value.trim()) fail(where, 'must be a non-empty string');
  return value;
}

function date(value: unknown, where: string): string {
  const s = text(value, where) as string;
  parseIsoDate(s, `year notice ${where}`);
  return s;
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(where, 'must be an array');
  return value;
}

function notice(value: unknown, where: string): YearNotice {
  const n = object(value, where, NOTICE_KEYS);
  const confidence = n.confidence;
  if (!CONFIDENCE.includes(confidence as SourceConfidence)) {
    fail(`${where}.confidence`, `must be one of ${CONFIDENCE.join(', ')}`);
  }
  const issuedOn = n.issuedOn === undefined ? undefined : date(n.issuedOn, `${where}.issuedOn`);
  const reference = text(n.reference, `${where}.reference`) as string;
  const note = text(n.note, `${where}.note`, true);
  const confirms = list(n.confirmsDaysOff, `${where}.confirmsDaysOff`).map((d, i) =>
    date(d, `${where}.confirmsDaysOff[${i}]`),
  );
  return {
    id: text(n.id, `${where}.id`) as string,
    document: text(n.document, `${where}.document`) as string,
    issuedBy: text(n.issuedBy, `${where}.issuedBy`) as string,
    ...(issuedOn ? { issuedOn } : {}),
    reference,
    confidence: confidence as SourceConfidence,
    ...(note ? { note } : {}),
    ...(confirms.length > 0 ? { confirmsDaysOff: confirms } : {}),
  };
}

/** Validates a year-notice file (parsed JSON) and returns the swap table's entry for its year. */
export function yearDecisionFromNotice(value: unknown, label = 'file'): YearDecision {
  const file = object(value, label, FILE_KEYS);
  const year = file.year;
  if (!Number.isInteger(year)) fail(`${label}.year`, 'must be an integer year');
  const where = `${year as number}`;
  const notices = list(file.notices, `${where}.notices`).map((n, i) =>
    notice(n, `${where}.notices[${i}]`),
  );
  if (notices.length === 0) fail(`${where}.notices`, 'must list at least one notice');
  const ids = new Set(notices.map((n) => n.id));
  if (ids.size !== notices.length) fail(`${where}.notices`, 'notice ids must be distinct');
  const byId = (id: unknown, at: string) => {
    const found = notices.find((n) => n.id === id);
    if (!found) fail(at, `names notice ${String(id)}, which is not in notices`);
    return found;
  };
  const decision: YearDecision = { year: year as number, notices };
  if (file.tetDays !== undefined) {
    const tet = object(file.tetDays, `${where}.tetDays`, ['dates', 'notice']);
    decision.tetDays = {
      dates: list(tet.dates, `${where}.tetDays.dates`).map((d, i) =>
        date(d, `${where}.tetDays.dates[${i}]`),
      ),
      source: byId(tet.notice, `${where}.tetDays.notice`),
    };
  }
  if (file.nationalDayAdjacent !== undefined) {
    const adj = object(file.nationalDayAdjacent, `${where}.nationalDayAdjacent`, [
      'date',
      'notice',
    ]);
    decision.nationalDayAdjacent = {
      date: date(adj.date, `${where}.nationalDayAdjacent.date`),
      source: byId(adj.notice, `${where}.nationalDayAdjacent.notice`),
    };
  }
  const swaps: DaySwap[] = list(file.swaps, `${where}.swaps`).map((s, i) => {
    const at = `${where}.swaps[${i}]`;
    const swap = object(s, at, ['dayOff', 'makeUpDay', 'notice']);
    return {
      dayOff: date(swap.dayOff, `${at}.dayOff`),
      makeUpDay: date(swap.makeUpDay, `${at}.makeUpDay`),
      source: byId(swap.notice, `${at}.notice`),
    };
  });
  if (swaps.length > 0) decision.swaps = swaps;
  const extras: ExtraDayOff[] = list(file.extraDaysOff, `${where}.extraDaysOff`).map((e, i) => {
    const at = `${where}.extraDaysOff[${i}]`;
    const extra = object(e, at, ['date', 'nameVi', 'nameEn', 'notice']);
    return {
      date: date(extra.date, `${at}.date`),
      nameVi: text(extra.nameVi, `${at}.nameVi`) as string,
      nameEn: text(extra.nameEn, `${at}.nameEn`) as string,
      source: byId(extra.notice, `${at}.notice`),
    };
  });
  if (extras.length > 0) decision.extraDaysOff = extras;
  return decision;
}
