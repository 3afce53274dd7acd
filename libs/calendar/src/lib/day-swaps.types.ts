import { type IsoDate } from './iso-date.util';

/** The government document an entry of the table comes from. */
export type LegalSource = {
  /** Number and kind, e.g. "Thông báo 5015/TB-LĐTBXH". */
  document: string;
  issuedBy: string;
  /** Date of issue, when known. */
  issuedOn?: IsoDate;
  /** How the entry was checked, caveats. */
  note?: string;
  /** Where the text was read (official gazette, a press report, a provincial copy). */
  reference?: string;
  /**
   * confirmed: the notice as quoted by a published copy; copy: as reproduced by a deployed
   * system or a provincial text; unverified: no text either way (docs/legal-rules.md).
   */
  confidence?: SourceConfidence;
};

export type SourceConfidence = 'confirmed' | 'copy' | 'unverified';

/** A year's notice as recorded next to its entries (year-notices/<year>.json). */
export type YearNotice = LegalSource & {
  /** Short id the entries of the data file refer to, e.g. "9441". */
  id: string;
  /** Days off the notice confirms although the rules already compute them (checked by a test). */
  confirmsDaysOff?: IsoDate[];
};

/** A working day given off (hoán đổi) and paid back by working a weekly rest day (làm bù). */
export type DaySwap = { dayOff: IsoDate; makeUpDay: IsoDate; source: LegalSource };

/** A one-off day off decided by the government, with no make-up day. */
export type ExtraDayOff = { date: IsoDate; nameVi: string; nameEn: string; source: LegalSource };

/** What the government decided for one year (Labour Code 2019 Art. 112(3)). */
export type YearDecision = {
  year: number;
  /** The Tết days as decided (replaces the rule set's default offsets). */
  tetDays?: { dates: IsoDate[]; source: LegalSource };
  /** The day adjacent to 2 September as decided (1 or 3 September). */
  nationalDayAdjacent?: { date: IsoDate; source: LegalSource };
  swaps?: DaySwap[];
  extraDaysOff?: ExtraDayOff[];
  /** Every notice of the year, including those whose days the rules already compute. */
  notices?: YearNotice[];
};

/** The per-year table of government decisions; its content is hashed into the calendar version. */
export type SwapTable = {
  id: string;
  description: string;
  years: YearDecision[];
};
