import riskCues from './data/mdm-risk.json';
import { firstMatch, pattern, statementSpan, type EmNote, type EmStatement, type Span } from './note-view';
import { RiskCuesSchema } from './schema';
import type { Family } from '../domain/visit-family';
import { rank, type MdmLevel } from './tables';

/*
 * MDM element 3: the risk of complications, morbidity or mortality of patient management, read
 * from the management statements (assessment, plan, recommendations; the emergency-department
 * course) — never from the history. Prescription drug management is a drug named with a management
 * word (start, continue, adjust, hold, stop) or a dose; an over-the-counter drug alone is low.
 * Decisions about surgery count whichever way they go (operate or not), but a conditional
 * ("if it recurs, consider …") or a past operation does not.
 */
const CUES = RiskCuesSchema.parse(riskCues);

export interface RiskItem {
  id: string;
  level: MdmLevel;
  why: string;
  evidence: Span[];
}

export interface RiskElement {
  level: MdmLevel;
  items: RiskItem[];
  why: string;
}

/** A section of prescriptions written at this visit ("PRESCRIPTIONS:", "Rx:", "New prescriptions"). */
const PRESCRIPTION_HEADING =
  /^\s*(?:new |today'?s )?(?:prescriptions?|rx|e-?prescriptions?|medications? prescribed|prescribed medications?|prescriptions? (?:given|written|sent))\s*:?\s*$/i;

function prescribing(s: EmStatement): boolean {
  return PRESCRIPTION_HEADING.test(s.heading);
}

function management(s: EmStatement, family: Family | undefined): boolean {
  if (s.role === 'diagnostic' || s.role === 'plan' || prescribing(s)) return true;
  return s.kind === 'course' && family === 'ed';
}

/** True when the words before the match in its clause negate it, make it conditional, or put it in the past. */
function negated(text: string, at: number): boolean {
  const clause =
    text
      .slice(Math.max(0, at - 60), at)
      .split(/[.;]|\bbut\b|\bhowever\b/i)
      .at(-1) ?? '';
  return CUES.negation.some((n) => pattern(n).test(clause));
}

function affirmed(s: EmStatement, patterns: readonly string[]): Span | undefined {
  for (const p of patterns) {
    const re = new RegExp(pattern(p).source, 'gi');
    for (const m of s.text.matchAll(re)) {
      if (!m[0] || negated(s.text, m.index)) continue;
      return { start: s.start + m.index, end: s.start + m.index + m[0].length, text: m[0] };
    }
  }
  return undefined;
}

const PAST =
  /\b(status post|s\/p|history of|underwent|was performed|were performed|had (a|an|her|his)|previous|prior|post-?op(erative)?(?! day)|recovering from)\b/i;

/** Drug names of the note's own medication list (first word of each entry). */
function listedDrugs(note: EmNote): Set<string> {
  const out = new Set<string>();
  for (const s of note.statements) {
    if (s.role !== 'medications') continue;
    for (const m of s.text.matchAll(/(?:^|[,;:]|\d[.)])\s*([A-Za-z][A-Za-z-]{3,})/g)) {
      const w = m[1]!.toLowerCase();
      if (
        !/^(none|no|not|takes|taking|patient|she|he|the|and|with|per|medications?|current|daily|unknown|denies)$/.test(
          w,
        )
      )
        out.add(w);
    }
  }
  return out;
}

export function readRisk(note: EmNote, family?: Family): RiskElement {
  const items: RiskItem[] = [];
  const add = (id: string, level: MdmLevel, why: string, hit: Span) => {
    if (!items.some((i) => i.id === id)) items.push({ id, level, why, evidence: [hit] });
  };
  const mgmt = note.statements.filter((s) => management(s, family));
  for (const cue of CUES.cues) {
    if (cue.families && (!family || !cue.families.includes(family))) continue;
    for (const s of cue.where === 'any' ? note.statements : mgmt) {
      const hit = affirmed(s, [cue.pattern]);
      if (hit) {
        add(cue.id, cue.level, cue.why, hit);
        break;
      }
    }
  }
  readDrugs(note, mgmt, add);
  readSurgery(note, mgmt, add);
  if (family === 'initial' && !items.some((i) => i.id === 'hospitalization')) {
    // The admission history and physical: the decision to admit is made at this encounter.
    const admit = firstMatch(note.doc.view, [
      '\\badmi(t|ts|tted|tting|ssion)\\b|\\bhospitali[sz]\\w*|\\bobservation\\b',
    ]);
    if (admit)
      add('hospitalization', 'high', 'a decision about hospital admission (this note is the admission)', admit);
  }
  return level(items);
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
/** A capitalised word after a management word ("started on Sanctura"): brand names are written that way. Case-sensitive. */
/** A management word in either case of its first letter ("Increase his Altace", "increase his Altace"). */
const eitherCase = (w: string) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${escape(w.slice(1))}`;
const CAPITALIZED = new RegExp(
  `\\b(?:${CUES.capitalizedAfter.map(eitherCase).join('|')})\\s+(?:(?:the|his|her|on|a|an)\\s+)?([A-Z][a-z]{3,}(?:-[A-Z]?[a-z]+)?)\\b`,
  'g',
);
const NOT_DRUGS = new Set(CUES.capitalizedNotDrugs);

function capitalizedDrug(s: EmStatement): Span | undefined {
  for (const m of s.text.matchAll(CAPITALIZED)) {
    const word = m[1]!;
    if (NOT_DRUGS.has(word) || negated(s.text, m.index)) continue;
    const at = m.index + m[0].lastIndexOf(word);
    return { start: s.start + at, end: s.start + at + word.length, text: word };
  }
  return undefined;
}

/**
 * Prescription drug management: a drug (name stem, known name, the note's own medication list, a
 * capitalised name after a management word) with a management word or a dose, or named alone as
 * an order in a plan; "prescription" itself; "continue current medications" when the medication
 * list holds a prescription drug. An over-the-counter drug alone is low risk.
 */
function readDrugs(
  note: EmNote,
  mgmt: EmStatement[],
  add: (id: string, level: MdmLevel, why: string, hit: Span) => void,
): void {
  const listed = listedDrugs(note);
  const listedRe = listed.size ? [`\\b(${[...listed].map(escape).join('|')})\\b`] : [];
  const listHasRx = note.statements.some(
    (s) => s.role === 'medications' && firstMatch(s.text, CUES.drugStems) !== undefined,
  );
  for (const s of mgmt) {
    const otc = affirmed(s, CUES.overTheCounter);
    const drug = affirmed(s, [...CUES.drugStems, ...listedRe]) ?? capitalizedDrug(s);
    const rxWord = affirmed(s, CUES.prescriptionWords);
    const verb = firstMatch(s.text, [...CUES.drugVerbs, ...CUES.doseForms], s.start);
    const onlyOtc = drug && otc && otc.start <= drug.start && otc.end >= drug.end;
    // A drug line under a prescriptions heading is a prescription written today ("Proscar 5 mg").
    const written = prescribing(s) && !otc && /[a-z]{3,}/i.test(s.text) ? statementSpan(s) : undefined;
    if (written) {
      add(
        'prescription-drug',
        'moderate',
        'prescription drug management (a prescription written at this visit)',
        written,
      );
    } else if (drug && !onlyOtc && (verb || s.role === 'plan')) {
      const end = verb && verb.start > drug.start ? Math.min(verb.end, drug.start + 80) : drug.end;
      add('prescription-drug', 'moderate', 'prescription drug management', {
        start: drug.start,
        end,
        text: note.doc.text.slice(drug.start, end),
      });
    } else if (rxWord && !(otc && !drug)) {
      add('prescription-drug', 'moderate', 'prescription drug management (a prescription written or managed)', rxWord);
    } else if (listHasRx && affirmed(s, CUES.continueMedications)) {
      add(
        'prescription-drug',
        'moderate',
        'prescription drug management (the prescription drugs of the medication list continued)',
        affirmed(s, CUES.continueMedications)!,
      );
    } else if (otc) {
      add('over-the-counter', 'low', 'over-the-counter drug', otc);
    }
  }
}

/** The statement gives the operation to another physician ("Dr. X will perform", "per his surgeon", "by vascular surgery"). */
const ANOTHER_PHYSICIAN =
  /\b(?:by|per|with|from) (?:dr\.?|doctor) [A-Z]?\w+|\b(?:dr\.?|doctor) [A-Z]?\w+ (?:will|is going to|plans?|has (?:planned|scheduled|recommended|offered))\b|\b(?:by|per) (?:the |his |her |their )?(?:\w+ )?(?:surgeons?|surgery|surgical (?:team|service)|service)\b|\b(?:his|her|their) (?:\w+ )?surgeon\b/i;

const AUTHOR_DECIDES =
  /\b(?:i|we)\s+(?:would\s+|will\s+|do\s+|have\s+|strongly\s+)?(?:recommend|recommended|advise|advised|suggest|suggested|plan|planned|schedule|scheduled|decided|offer|offered|proceed)\b/i;

function readSurgery(
  note: EmNote,
  mgmt: EmStatement[],
  add: (id: string, level: MdmLevel, why: string, hit: Span) => void,
): void {
  const riskText = note.statements
    .filter((s) => s.role === 'diagnostic' || s.role === 'plan' || s.role === 'history')
    .map((s) => s.text)
    .join(' ');
  const riskFactor = firstMatch(riskText, CUES.riskFactors);
  for (const s of mgmt) {
    if (PAST.test(s.text) && !/\b(recommend|plan|schedul|candidate|consider|proceed)/i.test(s.text)) continue;
    const decided = firstMatch(s.text, CUES.surgeryDecision, s.start);
    if (!decided) continue;
    // An operation another physician plans or will perform is that physician's decision, unless
    // this author makes it ("I would recommend epidural injections with Dr. Y").
    if (ANOTHER_PHYSICIAN.test(s.text) && !AUTHOR_DECIDES.test(s.text)) continue;
    const conditional = /\b(if|unless|should (she|he|it|there)|in case|in which case|in the event)\b/i.test(
      s.text.slice(0, decided.start - s.start + 1),
    );
    if (conditional) continue;
    const major = firstMatch(s.text, CUES.majorSurgery, s.start);
    if (major) {
      const emergent = firstMatch(s.text, CUES.emergent, s.start);
      if (emergent) add('emergency-surgery', 'high', 'a decision about emergency major surgery', major);
      else if (riskFactor)
        add(
          'major-surgery-risk',
          'high',
          `a decision about elective major surgery with identified risk factors ("${riskFactor.text}")`,
          major,
        );
      else
        add(
          'major-surgery',
          'moderate',
          'a decision about elective major surgery without identified risk factors',
          major,
        );
      continue;
    }
    const minor = firstMatch(s.text, CUES.minorProcedure, s.start);
    if (minor) {
      if (riskFactor)
        add(
          'minor-surgery-risk',
          'moderate',
          `a decision about a minor or invasive procedure with identified risk factors ("${riskFactor.text}")`,
          minor,
        );
      else add('minor-surgery', 'low', 'a decision about a minor procedure without identified risk factors', minor);
    }
  }
}

function level(items: RiskItem[]): RiskElement {
  if (items.length === 0)
    return { level: 'straightforward', items, why: 'minimal: no management with more than minimal risk found' };
  const top = items.reduce((a, b) => (rank(b.level) > rank(a.level) ? b : a));
  items.sort((a, b) => rank(b.level) - rank(a.level));
  return { level: top.level, items, why: top.why };
}
