import { z } from 'zod';
import { FAMILIES } from '../domain/visit-family';

/* The schema of data/visit-families.json: how the visit family is read from a note (lib/em/family*.ts). */

export const FamilySchema = z.enum(FAMILIES);

/** A cue: a regular-expression source matched case-insensitively on word boundaries the pattern sets itself. */
export const Pattern = z.string().min(2);

/** How the visit family is recognised: weighted cues, each counted once, the highest total wins. */
export const VisitCuesSchema = z.strictObject({
  about: z.string(),
  cues: z.array(
    z.strictObject({
      /**
       * 'consult' is placed afterwards (office or inpatient), 'nursing' (initial, subsequent or
       * discharge) and 'home' (new or established) too; 'none' = not an E/M visit.
       */
      family: z.union([FamilySchema, z.enum(['none', 'consult', 'nursing', 'home'])]),
      /**
       * heading: a section heading; opening: reason-for-visit section or the note's first statements;
       * plan: diagnostic/plan statements; any: anywhere; title: the report's title at the top of the
       * note (a heading or a short statement that is not a sentence, outside the reason for visit).
       */
      where: z.enum(['heading', 'opening', 'plan', 'any', 'title']),
      pattern: Pattern,
      weight: z.number().int().min(1).max(5),
      /** For opening and plan cues: how many distinct statements must match (default one). */
      atLeast: z.number().int().min(2).optional(),
      why: z.string(),
    }),
  ),
  /** Patient status for office-type families: new or established. */
  patientStatus: z.strictObject({
    established: z.array(Pattern),
    /** A comparison with the last visit ("improved from the last visit"): read anywhere, the assessment too. */
    establishedAnywhere: z.array(Pattern),
    new: z.array(Pattern),
    /**
     * A first visit's history: at least `needs` of these section kinds written out, none of them
     * "reviewed" or "unchanged".
     */
    firstVisitHistory: z.strictObject({
      kinds: z.array(z.string()),
      needs: z.number().int().min(1),
      unchanged: z.array(Pattern),
    }),
  }),
  /**
   * The author's own earlier management of this patient ("we have been adjusting her insulin"):
   * the treating physician continuing care, not a consultant giving an opinion (CPT: once a
   * consultant assumes care, later visits are reported with the established or subsequent codes).
   */
  treatingPhysician: z.array(Pattern),
  /** In a nursing facility: words of the facility admission (initial facility care rather than a later visit). */
  nursingAdmission: z.array(Pattern),
  /**
   * Where a consultation took place: a patient admitted (or in observation) gets the inpatient
   * codes; the office, another outpatient site and the emergency department get the office and
   * outpatient codes (CPT 2023 consultation guidelines).
   */
  consultPlace: z.strictObject({
    inpatient: z.array(Pattern),
    /** Inpatient words that place the consultation only when told (history, examination): in the plan they are the planned operation's. */
    inpatientTold: z.array(Pattern),
    outpatient: z.array(Pattern),
    viaEmergency: z.array(Pattern),
  }),
  /**
   * Words of a patient already in hospital ("prior to admission", "on the unit"). Without a family
   * cue, a note with enough of them is hospital care: a full history (past, family, social history,
   * review of systems …) makes it the admission, else a subsequent visit.
   */
  hospitalStay: z.array(Pattern),
  hospitalStayNeeds: z.number().int().positive(),
  /**
   * Orders of care given only to a hospital patient, read in the assessment and plan (intravenous
   * therapy begun or continued, insulin by sliding scale, a transfer to intensive care). Each counts
   * as a word of a stay; with one of them, a history that the patient came through the emergency
   * department counts too (the patient is being admitted or is in hospital, not in an office).
   */
  hospitalOrders: z.strictObject({ orders: z.array(Pattern), viaEmergency: z.array(Pattern) }),
  /** In a stay the author did not begin: an opinion given to the physicians in charge (a consultation). */
  hospitalOpinion: z.strictObject({ opinion: z.array(Pattern), admitsNow: z.array(Pattern) }),
  fullHistory: z.strictObject({ kinds: z.array(z.string()), needs: z.number().int().positive() }),
  /**
   * A note no family cue places, read by its words of place (family-place.ts `placeByWords`):
   * the author admitting the patient ("admitted here", "is now being admitted", "Admit." in the
   * plan) makes it the admission; `edNeeds` of the emergency department's words (the stretcher,
   * nursing notes reviewed, discharged home) make it an emergency-department visit. Either only
   * when the history and examination name no office or clinic (`office`).
   */
  placeByWords: z.strictObject({
    admits: z.array(Pattern),
    admitsInPlan: z.array(Pattern),
    ed: z.array(Pattern),
    edNeeds: z.number().int().positive(),
    office: z.array(Pattern),
    urgentCare: z.array(Pattern),
  }),
  minimumScore: z.number().int().positive(),
  /** 'none' (not an E/M visit) needs more: at least two report cues. */
  noneMinimumScore: z.number().int().positive(),
  /**
   * The title of a report: headings and short statements starting within `within` characters of
   * the note's start, of at most `maxWords` words, that no `sentence` pattern matches (a title
   * names a test or an operation; a sentence has a subject and a verb).
   */
  title: z.strictObject({
    within: z.number().int().positive(),
    maxWords: z.number().int().positive(),
    sentence: z.array(Pattern),
  }),
  /**
   * A record with none of the parts of a visit (no reason for the visit, history, examination,
   * assessment, course or plan section): with a report cue, a report rather than a visit.
   */
  noVisitParts: z.strictObject({ kinds: z.array(z.string()), weight: z.number().int().min(1).max(5), why: z.string() }),
});
