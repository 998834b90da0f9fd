import { z } from 'zod';
import { SettingSchema } from '../domain/setting';
import { FAMILIES, type Family } from '../domain/visit-family';

/*
 * Strict schemas for the E/M data files (unknown keys are rejected, so a typo in a data file fails
 * loudly instead of silently switching a cue off). The files carry no CPT descriptor text: level
 * labels and cue notes are ChartCoder's own words.
 */
export const MDM_LEVELS = ['straightforward', 'low', 'moderate', 'high'] as const;
export const MdmLevelSchema = z.enum(MDM_LEVELS);

/** The visit families (lib/domain/visit-family.ts), re-exported for the E/M callers. */
export { FAMILIES, type Family };
/** The visit-family cues (data/visit-families.json) have their schema in schema-visit.ts. */
export { FamilySchema, Pattern, VisitCuesSchema } from './schema-visit';
import { FamilySchema, Pattern } from './schema-visit';

const Level = z.strictObject({
  code: z.string().regex(/^\d{5}$/),
  /** Minimum total time on the date (met or exceeded); absent where time does not level the family. */
  minutes: z.number().int().nonnegative().optional(),
  /** MDM this level needs; absent where MDM does not level the family. */
  mdm: MdmLevelSchema.optional(),
  label: z.string().min(3),
});

const Prolonged = z.strictObject({
  /** CPT add-on code, reportable per full `every` minutes beyond the top level's minimum time. */
  cpt: z.string(),
  every: z.number().int().positive(),
  /** Total minutes where the first unit starts (default: the top level's minimum time plus `every`). */
  startsAt: z.number().int().positive().optional(),
  /** Medicare's own code and the total minutes where its first unit starts, if Medicare differs. */
  medicare: z.strictObject({ code: z.string(), startsAt: z.number().int().positive() }).optional(),
});

const ByLevel = z.strictObject({
  id: FamilySchema,
  label: z.string(),
  setting: SettingSchema,
  /** 'mdm-or-time': the higher of the two; 'mdm': time does not count (emergency department); 'time': time only (discharge, critical care). */
  leveling: z.enum(['mdm-or-time', 'mdm', 'time']),
  levels: z.array(Level).min(1),
  /** Level reported when a time-only family has no time statement (discharge day: the lower code). */
  withoutTime: z.string().optional(),
  prolonged: Prolonged.optional(),
  note: z.string().optional(),
});

const AgeBand = z.strictObject({
  maxAgeYears: z.number().nonnegative(),
  new: z.string(),
  established: z.string(),
  label: z.string(),
});
const ByAge = z.strictObject({
  id: z.literal('preventive'),
  label: z.string(),
  setting: z.literal('office'),
  leveling: z.literal('age'),
  ageBands: z.array(AgeBand).min(2),
  note: z.string(),
});

const ByExtent = z.strictObject({
  id: z.enum(['eye', 'disability']),
  label: z.string(),
  setting: z.literal('office'),
  leveling: z.literal('extent'),
  /** Codes from the lesser to the fuller service, for a new and an established patient (the same list where status does not matter). */
  new: z.array(z.strictObject({ code: z.string(), label: z.string() })).min(1),
  established: z.array(z.strictObject({ code: z.string(), label: z.string() })).min(1),
  /** Words that make it the fuller service (matched in the note). */
  fuller: z.array(z.string()),
  fullerNeeds: z.number().int().positive(),
  note: z.string(),
});

export const FamilyTableSchema = z.union([ByLevel, ByAge, ByExtent]);
export type FamilyTable = z.infer<typeof FamilyTableSchema>;

const Needs = z.strictObject({ problems: z.string(), data: z.string(), risk: z.string() });

export const EmRulesSchema = z.strictObject({
  about: z.string(),
  families: z.array(FamilyTableSchema),
  /** What each element needs at each MDM level above straightforward (for "what the next level needs"). */
  needs: z.strictObject({ low: Needs, moderate: Needs, high: Needs }),
});

/** Problem status words and condition words (MDM element 1: number and complexity of problems addressed). */
export const ProblemCuesSchema = z.strictObject({
  about: z.string(),
  /** Statements that are not a problem addressed today (history, status after a procedure, normal results). */
  notAProblem: z.array(Pattern),
  /** Conditions that, when present and addressed, threaten life or bodily function in the near term. */
  threat: z.array(Pattern),
  /** Words that say the illness itself is critical, unstable or severely decompensated. */
  severe: z.array(Pattern),
  /** Illnesses expected to last a year or more (or for life). */
  chronic: z.array(Pattern),
  /** Status words: worse, not at goal, progressing, or side effects of its treatment. */
  exacerbation: z.array(Pattern),
  /**
   * Worse, read from the history of present illness: a chronic illness the assessment names without
   * a status is worse when the history says so of it (a word of the problem in the same sentence, or
   * the only problem of the assessment).
   */
  historyWorse: z.array(Pattern),
  stable: z.array(Pattern),
  /**
   * Words of a clear improvement ("much improved"): a chronic illness said to be improving is not in
   * severe exacerbation, whatever else its words say ("Refractory hypertension, much improved").
   */
  improving: z.array(Pattern),
  /**
   * A cancer named as a problem without a word of stability or remission: a new or active cancer is
   * not at its treatment goal, so at least a chronic illness not at goal (moderate).
   */
  activeCancer: z.strictObject({
    names: z.array(Pattern),
    /** Words of a cancer at its goal: no evidence of disease, in remission, disease-free. */
    atGoal: z.array(Pattern),
  }),
  /** Words of an uncertain, not yet diagnosed new problem (a differential under work-up). */
  uncertain: z.array(Pattern),
  /**
   * Words that make a threatening condition only a possibility ("a suggestion of pneumonitis", "she
   * probably had pneumonitis"): an uncertain diagnosis, not an illness that threatens life. Work-up
   * words ("rule out", "concern for") are not here: a presentation worked up for a highly morbid
   * condition may drive the problem level (CPT 2021: the final diagnosis alone does not set it).
   */
  speculative: z.array(Pattern),
  /** Acute illnesses that come with systemic symptoms, and complicated injuries. */
  acuteSystemic: z.array(Pattern),
  complicatedInjury: z.array(Pattern),
  /** Self-limited or minor problems. */
  minor: z.array(Pattern),
  /** Negation in front of a condition word ("no", "without", "ruled out"). */
  negation: z.array(Pattern),
});

/** Data reviewed and analysed (MDM element 2). */
export const DataCuesSchema = z.strictObject({
  about: z.string(),
  /** Each unique test: an id and the words that name it (panels count once). */
  tests: z.array(
    z.strictObject({
      id: z.string(),
      words: z.array(Pattern).min(1),
      /** A generic name ("labs", "blood work"): counts only in a statement that names no specific test. */
      generic: z.boolean().optional(),
      /**
       * Words of another specimen (urine, stool, spinal fluid): in a statement naming one, the words
       * matched here ("no wbc's") are that test's components, unless the test's own name is there.
       */
      notWith: z.strictObject({ specimen: z.array(Pattern).min(1), unlessNamed: z.array(Pattern).min(1) }).optional(),
    }),
  ),
  /** Words in a plan statement that make a named test an order. */
  orderVerbs: z.array(Pattern),
  /** Words that make a named test a result reviewed (outside a results section). */
  resultVerbs: z.array(Pattern),
  externalNotes: z.array(Pattern),
  independentHistorian: z.array(Pattern),
  childsParent: z.array(Pattern),
  independentInterpretation: z.array(Pattern),
  discussion: z.array(Pattern),
  /** "discussed with" aimed at the patient or family: not a discussion with an external physician. */
  notExternal: z.array(Pattern),
});

/** Risk of complications of patient management (MDM element 3). */
export const RiskCuesSchema = z.strictObject({
  about: z.string(),
  cues: z.array(
    z.strictObject({
      id: z.string(),
      level: MdmLevelSchema,
      pattern: Pattern,
      why: z.string(),
      /** Where it counts: management statements (plan, assessment; the emergency department course) or anywhere. */
      where: z.enum(['management', 'any']),
      /** Only in these families (absent: all). */
      families: z.array(FamilySchema).optional(),
    }),
  ),
  /** Prescription drug management: a named drug and a management verb in a management statement. */
  drugVerbs: z.array(Pattern),
  /** Drug-name word endings (international nonproprietary name stems) and drug classes. */
  drugStems: z.array(Pattern),
  /** Words that make a management statement prescription drug management on their own. */
  prescriptionWords: z.array(Pattern),
  /** "Continue current medications": prescription drug management when the medication list holds a prescription drug. */
  continueMedications: z.array(Pattern),
  /** A capitalised word right after one of these management words is read as a (brand) drug name … */
  capitalizedAfter: z.array(z.string().min(2)),
  /** … unless it is one of these. */
  capitalizedNotDrugs: z.array(z.string().min(2)),
  /** Dose forms that make a statement a drug order ("500 mg", "b.i.d."). */
  doseForms: z.array(Pattern),
  /** Over-the-counter drugs: low risk unless prescribed. */
  overTheCounter: z.array(Pattern),
  /** Major operations (a decision about one is moderate, high with identified risk factors or when emergent). */
  majorSurgery: z.array(Pattern),
  /** Minor or invasive diagnostic procedures (moderate when decided). */
  minorProcedure: z.array(Pattern),
  surgeryDecision: z.array(Pattern),
  emergent: z.array(Pattern),
  riskFactors: z.array(Pattern),
  negation: z.array(Pattern),
});
