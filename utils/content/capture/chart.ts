import type { NoteAdapter } from '@/lib/capture/adapter-schema';
import { chartFactsFromText, firstDateIn, mergeFacts, parseChartDate, type ChartFacts } from '@/lib/capture/chart-text';
import { extractText } from './dom-text';
import { queryAllPiercing } from './query';
import type { Probe } from './visibility';

/** Who the chart is for (as the banner prints it). */
export interface PatientHeader {
  name?: string;
  dob?: string;
  memberId?: string;
}

/** The encounter the chart shows: its date is the date of service. */
export interface EncounterInfo {
  /** ISO YYYY-MM-DD. */
  date?: string;
  id?: string;
}

export interface ChartInfo {
  header?: PatientHeader;
  encounter?: EncounterInfo;
}

/** Elements that usually hold a chart banner (patient bar, encounter header). */
const BANNER =
  'header, [role="banner"], [class*="banner" i], [id*="banner" i], [class*="patient" i], [id*="patient" i], [class*="encounter" i], [id*="encounter" i], [class*="demographic" i]';
const MAX_BANNERS = 12;
const BANNER_CHARS = 2_000;
/** How much of the frame's visible text is searched for labelled facts when the banner gave none. */
const PAGE_CHARS = 20_000;

/**
 * The chart facts this frame shows: the adapter's banner selectors first, then labelled values in
 * visible banner-like elements, then in the frame's visible text. Only what the coder can see is
 * read (a hidden tab's banner for another patient is not).
 */
export function readChart(doc: Document, adapter: NoteAdapter | undefined, probe: Probe, pageText?: string): ChartInfo {
  let facts: ChartFacts = {};
  const visibleText = (el: Element) =>
    probe.shown(el) ? extractText(el, { maxChars: BANNER_CHARS, maxNodes: 5_000 }, { probe }).text : '';
  if (adapter) {
    const read = (sel?: string) => {
      if (!sel) return undefined;
      const el = queryAllPiercing(doc, sel).find((e) => probe.shown(e));
      return el ? visibleText(el).trim() || undefined : undefined;
    };
    const h = adapter.header;
    const dob = read(h.dob);
    const date = read(h.encounterDate);
    facts = {
      ...(read(h.name) ? { name: read(h.name)! } : {}),
      ...(dob ? { dob: parseChartDate(dob) ?? firstDateIn(dob) ?? dob } : {}),
      ...(read(h.memberId) ? { memberId: read(h.memberId)! } : {}),
      ...(date && (parseChartDate(date) ?? firstDateIn(date))
        ? { encounterDate: (parseChartDate(date) ?? firstDateIn(date))! }
        : {}),
      ...(read(h.encounterId) ? { encounterId: read(h.encounterId)!.replace(/^\(|\)$/g, '') } : {}),
    };
  }
  const complete = () => facts.name && facts.dob && facts.memberId && facts.encounterDate;
  if (!complete() && doc.body) {
    const banners = Array.from(doc.body.querySelectorAll(BANNER)).slice(0, 200);
    let n = 0;
    for (const el of banners) {
      if (n >= MAX_BANNERS || complete()) break;
      // Outermost banner-like elements only: their text holds their children's.
      if (banners.some((o) => o !== el && o.contains(el))) continue;
      const text = visibleText(el);
      if (!text) continue;
      n++;
      facts = mergeFacts(facts, chartFactsFromText(text));
    }
  }
  if (!complete() && doc.body) {
    const text = pageText ?? extractText(doc.body, { maxChars: PAGE_CHARS, maxNodes: 20_000 }, { probe }).text;
    facts = mergeFacts(facts, chartFactsFromText(text.slice(0, PAGE_CHARS)));
  }
  return toInfo(facts);
}

function toInfo(f: ChartFacts): ChartInfo {
  const header: PatientHeader = {};
  if (f.name) header.name = f.name;
  if (f.dob) header.dob = f.dob;
  if (f.memberId) header.memberId = f.memberId;
  const encounter: EncounterInfo = {};
  if (f.encounterDate) encounter.date = f.encounterDate;
  if (f.encounterId) encounter.id = f.encounterId;
  return { ...(Object.keys(header).length ? { header } : {}), ...(Object.keys(encounter).length ? { encounter } : {}) };
}
