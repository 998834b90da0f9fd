import type { DataElement } from './data';
import type { FamilyReading } from './family';
import type { GlobalPackage } from './global-surgery';
import type { Span } from './note-view';
import type { ProblemsElement } from './problems';
import type { RiskElement } from './risk';
import type { MdmLevel } from './tables';
import type { Family } from '../domain/visit-family';
import type { Setting } from '../domain/setting';

/** The shape of one note's E/M reading (lib/em/em.ts levels it). */

/** A visit family to level the note in (kept as `VisitKind` for callers that choose one). */
export type VisitKind = Family;

export interface EmResult {
  /** The family the note was levelled in (given, or detected). */
  kind: Family;
  /** What the note itself reads as (family, new/established, the words that say so). */
  detected: FamilyReading;
  /** For office-type families: new or established patient. */
  status?: 'new' | 'established';
  /** Set when no E/M can be given: an empty or non-clinical text; an operative, procedure, test, pathology or autopsy report; a delivery note; a visit inside a surgical global package. */
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
  /** Set when the note is the operating surgeon's discharge or preoperative visit: no separate E/M. */
  globalSurgery?: GlobalPackage;
  /** Coding advice that goes with the level (global surgery, consultation payers, modifier 25). */
  advice: string[];
}

export interface LevelOptions {
  /** Default family when the note says nothing of its own: office -> established, hospital -> subsequent. */
  setting?: Setting;
}

/** An MDM reading with nothing in it (for notes levelled without MDM, or not levelled at all). */
export const EMPTY_MDM = (applies: boolean): EmResult['mdm'] => ({
  problems: 'straightforward',
  data: 'straightforward',
  risk: 'straightforward',
  level: 'straightforward',
  applies,
  evidence: { problems: [], data: [], risk: [] },
  why: { problems: '', data: '', risk: '' },
  details: { problems: [], data: [], risk: [] },
});

/** The least critical-care time that is reported as critical care (CPT). */
export const CRITICAL_CARE_MINUTES = 30;
