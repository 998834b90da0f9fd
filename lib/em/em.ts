import { readData, type DataElement } from './data';
import { detectFamily, patientStatus, type FamilyReading } from './family';
import { readNote, type EmNote, type Span } from './note-view';
import { readProblems, type ProblemsElement } from './problems';
import { readRisk, type RiskElement } from './risk';
import { FAMILIES, type Family } from '../domain/visit-family';
import {
  familyLabel,
  familyTable,
  levelByMdm,
  levelByTime,
  levels,
  mdmLevel,
  mdmNeeds,
  prolonged,
  rank,
  emLabel,
  type MdmLevel,
} from './tables';
import { findTotalTime } from './time';
import type { Setting } from '../domain/setting';

/*
 * E/M level of one note (CPT E/M guidelines: 2021 office/outpatient, 2023 for the other families:
 * hospital, emergency department, consultations, nursing facility, home or residence; critical care
 * and discharge days by time; preventive visits by age; eye and disability examinations by extent).
 * One pass down the note's structure: the document stage types its sections and statements; the
 * visit family is read from them (or given); MDM reads problems from the diagnostic statements, data
 * from results and plan statements, risk from the management statements; the level is the higher of
 * MDM (two of three elements) and documented total time where the family allows each. Every element
 * keeps the note's words it came from and says what the next level needs. Advisory: the coder decides.
 */
export {
  emLabel,
  familyOfCode,
  levelByMdm,
  levelByTime,
  mdmLevel,
  MDM_ORDER,
  prolonged,
  type MdmLevel,
} from './tables';
export { findTotalTime } from './time';
export { familyLabel } from './tables';
export type { Span } from './note-view';
export { FAMILIES, type Family } from '../domain/visit-family';

/** A visit family to level the note in (kept as `VisitKind` for callers that choose one). */
export type VisitKind = Family;

export interface EmResult {
  /** The family the note was levelled in (given, or detected). */
  kind: Family;
  /** What the note itself reads as (family, new/established, the words that say so). */
  detected: FamilyReading;
  /** For office-type families: new or established patient. */
  status?: 'new' | 'established';
  /** Set when no E/M can be given: an empty or non-clinical text; an operative, procedure, test, pathology or autopsy report; a delivery note. */
  nothingToLevel?: string;
  timeMinutes?: number;
  timeEvidence?: Span;
  byTime?: string;
  mdm: {
    problems: MdmLevel;
    data: MdmLevel;
    risk: MdmLevel;
    level: MdmLevel;
    /** Whether MDM levels this family (not for discharge, preventive, eye or disability services). */
    applies: boolean;
    evidence: Record<'problems' | 'data' | 'risk', Span[]>;
    why: Record<'problems' | 'data' | 'risk', string>;
    details: { problems: ProblemsElement['problems']; data: DataElement['items']; risk: RiskElement['items'] };
  };
  byMdm?: string;
  code?: string;
  label?: string;
  basis: 'time' | 'mdm' | 'default' | 'age' | 'extent' | 'none';
  prolonged: { code?: string; cpt: number; medicareCode?: string; medicare: number };
  /** What would support the next level up. */
  nextLevel?: string;
  /** Coding advice that goes with the level (global surgery, consultation payers, modifier 25). */
  advice: string[];
}

export interface LevelOptions {
  /** Default family when the note says nothing of its own: office -> established, hospital -> subsequent. */
  setting?: Setting;
}

/** Binary or control characters, or almost no words: not a note to level. */
function notANote(text: string): string | undefined {
  if (!text.trim()) return 'the text is empty: nothing to level';
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  if (control > Math.max(3, text.length * 0.01))
    return 'the text is not a clinical note (binary or control characters): nothing to level';
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  if (words.length < 3) return `the text has ${words.length} word${words.length === 1 ? '' : 's'}: nothing to level`;
  return undefined;
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
const AGE_PATTERNS = [
  /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)[- ](year|yr|month|mo|week|wk|day)s?[- ]old\b/i,
  /\b(\d{1,3})[- ]?(y\/o|yo|y\.o\.)(?=\W)/i,
  /(?<!\bat )\b(?:age|aged)[:\s]+(\d{1,3})\b/i,
];

/** The patient's age in years from the note (family and social history aside: "her father died at age 86"). */
function ageYears(read: EmNote): number | undefined {
  const text = read.statements
    .filter((s) => s.role !== 'family' && s.role !== 'social')
    .map((s) => s.text)
    .join(' ');
  for (const re of AGE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const n = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS.indexOf(m[1]!.toLowerCase()) + 1;
    const unit = (m[2] ?? 'y').toLowerCase();
    return unit.startsWith('mo') ? n / 12 : unit.startsWith('w') ? n / 52 : unit.startsWith('d') ? n / 365 : n;
  }
  return undefined;
}

const EMPTY_MDM = (applies: boolean): EmResult['mdm'] => ({
  problems: 'straightforward',
  data: 'straightforward',
  risk: 'straightforward',
  level: 'straightforward',
  applies,
  evidence: { problems: [], data: [], risk: [] },
  why: { problems: '', data: '', risk: '' },
  details: { problems: [], data: [], risk: [] },
});

/**
 * Levels a note. Without `kind`, the family is detected from the note; with it, the note is
 * levelled in that family (the coder's choice) and `detected` still says what the note reads as.
 */
export function levelEncounter(note: string, kind?: VisitKind, options: LevelOptions = {}): EmResult {
  const refusal = notANote(note);
  if (refusal) {
    const family = kind ?? (options.setting === 'hospital' ? 'subsequent' : 'established');
    return {
      kind: family,
      detected: { family, evidence: [], why: [], confident: false },
      nothingToLevel: refusal,
      mdm: EMPTY_MDM(false),
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
      advice: [],
    };
  }
  const read = readNote(note);
  const detected = detectFamily(read, options.setting);
  if (!kind && detected.family === 'none') {
    return {
      kind: options.setting === 'hospital' ? 'subsequent' : 'established',
      detected,
      nothingToLevel: `not an E/M visit: an operative, procedure or test report (${detected.why.slice(0, 3).join('; ') || 'procedure headings'}); the procedure or test is coded on its own, no E/M level`,
      mdm: EMPTY_MDM(false),
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
      advice: [],
    };
  }
  const family: Family = kind ?? (detected.family as Family);
  // Critical care is reported by its documented time; under 30 minutes (or none written) the note
  // is levelled as the hospital or emergency-department visit it otherwise reads as.
  if (!kind && family === 'critical-care') {
    const t = findTotalTime(read.doc.text);
    if (!t || t.minutes < CRITICAL_CARE_MINUTES) {
      const r = levelIn(read, detected.fallback ?? 'subsequent', detected);
      r.advice.unshift(
        `Critical care words, but ${t ? `only ${t.minutes} minutes` : 'no critical-care time'} documented: critical care needs ${CRITICAL_CARE_MINUTES} minutes or more, so the visit is levelled as ${familyLabel(r.kind)}.`,
      );
      return r;
    }
  }
  return levelIn(read, family, detected);
}

/** The least critical-care time that is reported as critical care (CPT). */
const CRITICAL_CARE_MINUTES = 30;

function levelIn(read: EmNote, family: Family, detected: FamilyReading): EmResult {
  const table = familyTable(family);
  const status = detected.status ?? (table.setting === 'office' ? patientStatus(read).status : undefined);
  const t = findTotalTime(read.doc.text);
  const advice: string[] = [];
  const base = { kind: family, detected, ...(status ? { status } : {}), advice };
  const timePart = t ? { timeMinutes: t.minutes, timeEvidence: t.evidence } : {};

  if (table.leveling === 'age') {
    const age = ageYears(read);
    const band = age === undefined ? undefined : table.ageBands.find((b) => age <= b.maxAgeYears);
    const code = band ? (status === 'new' ? band.new : band.established) : undefined;
    advice.push(table.note);
    return {
      ...base,
      ...timePart,
      mdm: EMPTY_MDM(false),
      ...(code
        ? { code, label: emLabel(code) }
        : { nothingToLevel: 'a preventive visit without a documented age: the code follows the age band' }),
      basis: code ? 'age' : 'none',
      prolonged: { cpt: 0, medicare: 0 },
    };
  }
  if (table.leveling === 'extent') {
    const list = status === 'new' ? table.new : table.established;
    const fuller = table.fuller.filter((p) => new RegExp(p, 'i').test(read.doc.view)).length >= table.fullerNeeds;
    const code = (fuller ? list.at(-1) : list[0])!.code;
    advice.push(table.note);
    return {
      ...base,
      ...timePart,
      mdm: EMPTY_MDM(false),
      code,
      label: emLabel(code),
      basis: 'extent',
      prolonged: { cpt: 0, medicare: 0 },
    };
  }

  const applies = table.leveling !== 'time';
  const p = readProblems(read);
  const d = readData(read);
  const r = readRisk(read, family);
  const level = mdmLevel(p.level, d.level, r.level);
  const mdm: EmResult['mdm'] = {
    problems: p.level,
    data: d.level,
    risk: r.level,
    level,
    applies,
    evidence: {
      problems: p.problems
        .filter((x) => x.level === p.level || p.level === 'moderate')
        .flatMap((x) => x.evidence)
        .slice(0, 6),
      data: d.items.flatMap((x) => x.evidence).slice(0, 8),
      risk: r.items
        .filter((x) => x.level === r.level)
        .flatMap((x) => x.evidence)
        .slice(0, 6),
    },
    why: { problems: p.why, data: d.why, risk: r.why },
    details: { problems: p.problems, data: d.items, risk: r.items },
  };
  // Words without any heading, problem, test, management or time are not a visit note; a note with
  // headings whose assessment and plan are missing (cut short) is still levelled, at its lowest.
  if (applies && !t && read.doc.sections.length <= 1 && p.problems.length + d.items.length + r.items.length === 0) {
    return {
      ...base,
      mdm,
      nothingToLevel: 'no problem, test, management or time statement found: nothing to level',
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
    };
  }
  const byTime = t ? levelByTime(family, t.minutes) : undefined;
  const byMdm = applies ? levelByMdm(family, level) : undefined;
  const codes = levels(family).map((l) => l.code);
  const at = (c?: string) => (c ? codes.indexOf(c) : -1);
  let code = at(byTime) >= at(byMdm) ? byTime : byMdm;
  let basis: EmResult['basis'] =
    code === undefined ? 'none' : code === byTime && at(byTime) >= at(byMdm) ? 'time' : 'mdm';
  if (!code && table.withoutTime) {
    code = table.withoutTime;
    basis = 'default';
  }
  if (!code && family === 'critical-care') {
    return {
      ...base,
      ...timePart,
      mdm,
      nothingToLevel: `critical care is reported by its time: ${CRITICAL_CARE_MINUTES} minutes or more must be documented (${t ? `${t.minutes} found` : 'none found'}); under that, report the hospital or emergency-department visit`,
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
      advice: [table.note ?? ''],
    };
  }
  if (family === 'discharge') discharged(read, advice);
  if (family === 'initial') plannedOperation(read, advice);
  if (
    family === 'office-consult' ||
    family === 'inpatient-consult' ||
    family === 'critical-care' ||
    family.startsWith('home-')
  )
    advice.push(table.note ?? '');
  return {
    ...base,
    ...timePart,
    ...(byTime ? { byTime } : {}),
    mdm,
    ...(byMdm ? { byMdm } : {}),
    ...(code ? { code, label: emLabel(code) } : {}),
    basis,
    prolonged: t ? prolonged(family, t.minutes) : { cpt: 0, medicare: 0 },
    ...(family === 'critical-care' && t ? nextCriticalCareUnit(t.minutes) : nextLevel(family, code, mdm)),
    advice: advice.filter(Boolean),
  };
}

/** A discharge after an operation by the same surgeon falls in the global surgical package. */
function discharged(read: EmNote, advice: string[]): void {
  const op = read.doc.sections.find(
    (s) =>
      /\b(procedures?|operations?)\b( (performed|done))?/i.test(s.heading) &&
      !/\bnone\b/i.test(read.doc.view.slice(s.bodyStart, s.end)),
  );
  if (
    op &&
    /ectomy|otomy|plasty|repair|fusion|bypass|transplant|fundoplication|arthroplasty|resection/i.test(
      read.doc.view.slice(op.bodyStart, op.end),
    )
  ) {
    advice.push(
      'An operation was done during the stay: if the discharging physician is the operating surgeon, discharge-day care is part of the global surgical package (no separate E/M).',
    );
  }
}

/** An admission for a planned operation: the surgeon's preoperative visit belongs to the global package. */
function plannedOperation(read: EmNote, advice: string[]): void {
  const m =
    /\badmitted (?:to undergo|for)\s+(?:(?:an?|the|his|her|elective|planned|scheduled)\s+)*(?:[\w-]+\s+){0,3}?[\w-]*(?:ectomy|otomy|plasty|surgery|repair|replacement|fusion|bypass)\b/i.exec(
      read.doc.view,
    );
  if (m) {
    advice.push(
      `Admitted for a planned operation ("${m[0]}"): if the author is the operating surgeon, this visit is part of the global surgical package unless it is where the decision for surgery was made (then modifier 57).`,
    );
  }
}

/** Critical care: the minutes where the next add-on unit starts (CPT, and Medicare's later start). */
function nextCriticalCareUnit(minutes: number): { nextLevel: string } {
  const p = prolonged('critical-care', minutes);
  const table = familyTable('critical-care');
  const addOn = 'prolonged' in table ? table.prolonged : undefined;
  const every = addOn?.every ?? 30;
  const cpt = (addOn?.startsAt ?? 75) + every * p.cpt;
  const medicare = (addOn?.medicare?.startsAt ?? 104) + every * p.medicare;
  return {
    nextLevel: `99292 x${p.cpt + 1} needs ${cpt} minutes of critical care (Medicare: x${p.medicare + 1} from ${medicare} minutes)`,
  };
}

function nextLevel(family: Family, code: string | undefined, mdm: EmResult['mdm']): { nextLevel?: string } {
  const list = levels(family);
  const next = list[(code ? list.findIndex((l) => l.code === code) : -1) + 1];
  if (!next) return {};
  const parts: string[] = [];
  if (next.minutes !== undefined && familyTable(family).leveling !== 'mdm')
    parts.push(`${next.minutes} minutes of total time on the date`);
  if (next.mdm && mdm.applies && next.mdm !== 'straightforward') {
    const needs = mdmNeeds(next.mdm);
    const short = (['problems', 'data', 'risk'] as const).filter((e) => rank(mdm[e]) < rank(next.mdm!));
    const have = 3 - short.length;
    parts.push(
      `${next.mdm} MDM (two of three elements; ${have} there now${short.length ? ` — ${short.map((e) => `${e} (now ${mdm[e]}) needs ${needs[e]}`).join('; ')}` : ''})`,
    );
  }
  if (family === 'discharge' || family === 'nursing-discharge')
    parts.splice(0, parts.length, `more than 30 minutes on the discharge day documented`);
  return parts.length ? { nextLevel: `${next.code} needs ${parts.join(', or ')}` } : {};
}

/** Families a coder can choose from, for pickers. */
export const VISIT_KINDS: readonly Family[] = FAMILIES;
