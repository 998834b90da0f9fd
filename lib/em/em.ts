import { detectFamily } from './family';
import { inGlobalPackage } from './global-surgery';
import { levelIn } from './level-in';
import { noDecisionRecord, noDischargeTold, notANote, stopsInHistory, unfinishedRecord } from './note-facts';
import { readNote } from './note-view';
import { CRITICAL_CARE_MINUTES, EMPTY_MDM, type EmResult, type LevelOptions, type VisitKind } from './result';
import { familyLabel } from './tables';
import { findTotalTime } from './time';
import { FAMILIES, type Family } from '../domain/visit-family';

/*
 * E/M level of one note (CPT E/M guidelines: 2021 office/outpatient, 2023 for the other families:
 * hospital, emergency department, consultations, nursing facility, home or residence; critical care
 * and discharge days by time; preventive visits by age; eye and disability examinations by extent).
 * One pass down the note's structure: the document stage types its sections and statements; the
 * visit family is read from them (or given); MDM reads problems from the diagnostic statements, data
 * from results and plan statements, risk from the management statements; the level is the higher of
 * MDM (two of three elements) and documented total time where the family allows each. Every element
 * keeps the note's words it came from and says what the next level needs. Advisory: the coder decides.
 * This file is the entry point callers import; the steps live in the modules next to it.
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
export type { EmResult, LevelOptions, VisitKind } from './result';

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
      nothingToLevel: `not an E/M visit: an operative, procedure, test or therapy report (${detected.why.slice(0, 3).join('; ') || 'procedure headings'}); the procedure or test is coded on its own, no E/M level`,
      mdm: EMPTY_MDM(false),
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
      advice: [],
    };
  }
  const family: Family = kind ?? (detected.family as Family);
  // No decision making and no time: an examination template or a fragment gets no level (families
  // levelled by extent, age or time alone are left to their own rules).
  const bare =
    !kind && MDM_ONLY.has(family) && !findTotalTime(read.doc.text)
      ? (noDecisionRecord(read) ?? unfinishedRecord(read) ?? stopsInHistory(read))
      : !kind && family === 'discharge' && !findTotalTime(read.doc.text)
        ? noDischargeTold(read)
        : undefined;
  if (bare)
    return {
      kind: family,
      detected,
      nothingToLevel: bare,
      mdm: EMPTY_MDM(true),
      basis: 'none',
      prolonged: { cpt: 0, medicare: 0 },
      advice: [],
    };
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
  const r = levelIn(read, family, detected);
  return kind ? r : inGlobalPackage(read, r);
}

/** Families whose level comes from MDM or time (not preventive, eye, disability, critical care or discharge). */
const MDM_ONLY = new Set<Family>([
  'new',
  'established',
  'office-consult',
  'inpatient-consult',
  'initial',
  'subsequent',
  'ed',
  'nursing-initial',
  'nursing-subsequent',
  'home-new',
  'home-established',
]);

/** Families a coder can choose from, for pickers. */
export const VISIT_KINDS: readonly Family[] = FAMILIES;
