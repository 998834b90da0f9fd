import { dropAdmissionOnlySigns } from './admission-only';
import { dropSettledDifferentialSigns } from './settled-differential';
import { dropSurgicalWounds } from './surgical-wound';
import { dropUnspecifiedInjuries } from './unspecified-injury';
import { dropHistoryBesideStatement } from './history-same-category';
import { pregnancyChapter } from './pregnancy';
import type { CodePack } from '../pack/code-pack';
import type { NoteDocument } from '../document/document';
import type { Dictionary } from './dictionary';
import type { Suggestion } from './schema';
import { NARRATIVE_ONLY_WHY, REASON_EXPLAINED_WHY } from './claim-policy';
import { applyCombinations } from './combinations';
import { applyIndexLinks } from './index-links';
import { bleedingLesion } from './gi-bleeding';
import { specifyFromPresentIllness } from './note-specificity';
import { explainSymptoms } from './explained-symptoms';
import { additionalCodes } from './additional-codes';
import { codeFirst } from './code-first';
import { mentalDueToCondition } from './mental-due-to-condition';
import { dropCurrentProcedureStatus } from './current-procedure';
import { dropUnspecifiedBehavior, dropUnspecifiedPrimary } from './unspecified-primary';
import { neoplasmRelatedPain } from './neoplasm-pain';
import { dropUnspecifiedReadings } from './unspecified-beside-specified';
import { dropGeneralWithKinds } from './general-with-kinds';
import { dropHistoryOfPresent } from './history-beside-current';
import { dropConflictingPartners } from './conflicting-pairs';
import { keepSuperiorLevel } from './superior-level';
import { dropExcludedByPartner } from './excludes1-partners';
import { dropPlannedProcedureStatus } from './planned-procedure';
import { dropReplacedJointArthritis } from './replaced-joint';
import { dropEsrdAfterKidneyTransplant } from './transplanted-kidney';
import { substanceHierarchy } from './substance-hierarchy';
import { joinBothSides } from './both-sides';
import { contradictedAbsence } from './absence-contradicted';
import { conditionFirst } from './first-listed';
import { relevantFamilyHistory } from './family-history';
import { strokeSequelae } from './stroke-sequela';
import { strokeWeakness } from './stroke-weakness';
import { drugEventSuggestions, placeDrugEvents } from './drug-events';
import { newbornSuggestions } from './newborn';
import { birthEpisode } from './birth-episode';
import { cancerFollowUp } from './cancer-follow-up';
import { maternalRecord } from './maternal-record';
import { encounterReason } from './encounter-reason';
import { jointAftercare } from './joint-aftercare';
import { antineoplasticEncounter } from './antineoplastic';
import { bmiSuggestions } from './bmi';
import { organismSuggestions } from './organisms';
import { longTermDrugSuggestions } from './long-term-drugs';
import { drugSuggestions, type SentenceSpan } from './drug-injections';
import { facilityDrugs } from './facility-drugs';

export interface ReadMentions {
  suggestions: Suggestion[];
  alternatives: Suggestion[];
  excluded: Suggestion[];
}

/**
 * From the mentions the statements yield to the claim a coder reports, in claim order: the
 * guideline layer, each step a general rule with its own module and data — combinations the
 * Guidelines presume (I.A.15, I.C.9.a), the Index's "with" links, sequelae of stroke (I.C.9.d),
 * poisoning / adverse effect / underdosing from the Table of Drugs (I.C.19.e), prematurity
 * (I.C.16.d), the encounter reason (Z codes, IV.A), BMI (I.B.14), organisms (I.C.1.a), long-term
 * drug status (I.C.21.c.3), drugs given at the visit (HCPCS).
 */
export function assembleClaim(
  pack: CodePack,
  dict: Dictionary,
  doc: NoteDocument,
  read: ReadMentions,
  release: string,
  sentenceSpans: SentenceSpan[],
): { suggestions: Suggestion[]; alternatives: Suggestion[]; excluded: Suggestion[] } {
  // Findings written in the history, the course or the reason for the visit may still complete a
  // combination of the diagnostic statements ("presently psychotic" with a manic bipolar episode).
  const support = [
    ...read.excluded.filter(
      (e) =>
        e.assertion === 'present' && (e.reason.note === NARRATIVE_ONLY_WHY || e.reason.note === REASON_EXPLAINED_WHY),
    ),
    ...read.alternatives.filter((a) => a.assertion === 'present' && a.reason.via !== 'title'),
  ];
  // Findings read as present anywhere, for the combinations that restore the linked symptoms their
  // use-additional-code note asks for (BPH with lower urinary tract symptoms).
  const findings = [...read.excluded.filter((e) => e.assertion === 'present'), ...support];
  const rules = applyCombinations(pack, read.suggestions, support, findings, read.alternatives);
  const bled = bleedingLesion(pack, rules.claim);
  const linked = applyIndexLinks(pack, bled.claim, dict.meta.links, read.alternatives);
  const explained = explainSymptoms(doc, linked.claim, read.excluded);
  const specified = specifyFromPresentIllness(explained.claim, read.excluded, read.alternatives);
  const stated = contradictedAbsence(pack, doc.text, specified.claim);
  const worked = dropAdmissionOnlySigns(doc, stated.claim);
  const settled = dropSettledDifferentialSigns(doc, worked.claim);
  const operated = dropSurgicalWounds(doc, settled.claim);
  const injuries = dropUnspecifiedInjuries(operated.claim);
  const primary = dropUnspecifiedPrimary(injuries.claim);
  const behavior = dropUnspecifiedBehavior(primary.claim);
  const pain = neoplasmRelatedPain(pack, doc, behavior.claim);
  const done = dropCurrentProcedureStatus(doc, pain.claim);
  const current = dropPlannedProcedureStatus(doc.text, done.claim);
  const prosthesis = dropReplacedJointArthritis(doc, current.claim);
  const graft = dropEsrdAfterKidneyTransplant(pack, doc.text, prosthesis.claim);
  const records = maternalRecord(pack, doc, graft.claim);
  const pregnant = pregnancyChapter(pack, doc, records.claim, read.excluded);
  const added = additionalCodes(pack, pregnant.claim, read.alternatives, read.excluded);
  const caused = mentalDueToCondition(pack, doc.text, added.claim);
  const first = codeFirst(pack, caused.claim, read.alternatives);
  const weakness = strokeWeakness(pack, doc, first.claim, [...read.excluded, ...read.alternatives]);
  const sequelae = strokeSequelae(pack, doc, weakness.claim, read.excluded);
  const oneReading = dropUnspecifiedReadings(pack, sequelae.claim);
  const toldTwice = dropHistoryBesideStatement(pack, oneReading.claim);
  const kinds = dropGeneralWithKinds(pack, doc.text, toldTwice.claim);
  const notPast = dropHistoryOfPresent(pack, dict, kinds.claim);
  const sides = joinBothSides(pack, notPast.claim);
  const conflicting = dropConflictingPartners(sides.claim);
  const excluded1 = dropExcludedByPartner(pack, conflicting.claim);
  const paired = substanceHierarchy(excluded1.claim);
  const superior = keepSuperiorLevel(paired.claim);
  const replaced = [
    ...rules.replaced,
    ...bled.replaced,
    ...linked.replaced,
    ...explained.replaced,
    ...specified.replaced,
    ...stated.replaced,
    ...worked.moved,
    ...settled.moved,
    ...operated.moved,
    ...injuries.moved,
    ...primary.moved,
    ...behavior.moved,
    ...pain.replaced,
    ...done.moved,
    ...current.moved,
    ...prosthesis.moved,
    ...graft.moved,
    ...records.moved,
    ...pregnant.moved,
    ...caused.replaced,
    ...weakness.replaced,
    ...sequelae.replaced,
    ...oneReading.moved,
    ...toldTwice.moved,
    ...kinds.moved,
    ...notPast.moved,
    ...sides.moved,
    ...conflicting.moved,
    ...excluded1.moved,
    ...paired.moved,
    ...superior.moved,
  ];
  const events = drugEventSuggestions(pack, doc, dict.meta.drugs, release);
  // A drug's adverse effect can make the condition it caused a combination (D68.9 with T45.51- is
  // the drug-induced hemorrhagic disorder D68.32): the rules see the events too.
  const eventRules = applyCombinations(pack, placeDrugEvents(superior.claim, events));
  const withEvents = eventRules.claim;
  const reasoned = encounterReason(
    pack,
    doc,
    jointAftercare(pack, doc, antineoplasticEncounter(pack, doc, withEvents, release), release),
    release,
  );
  // Prematurity after the reason for the encounter (I.C.16.d: birth weight, then weeks).
  const newborn = newbornSuggestions(pack, doc, release).filter((s) => !reasoned.some((r) => r.code === s.code));
  const birth = birthEpisode(pack, doc, release);
  // Weight and weeks read from the record replace a prematurity read from words alone (P07.30).
  const unread = newborn.some((n) => n.code.startsWith('P07'))
    ? reasoned.filter((s) => !(s.system === 'ICD-10-CM' && s.code.startsWith('P07')))
    : reasoned;
  const dx = cancerFollowUp(
    pack,
    doc,
    conditionFirst(
      pack,
      doc.text,
      bmiSuggestions(
        pack,
        doc,
        [...(birth ? [birth] : []), ...unread.slice(0, 1), ...newborn, ...unread.slice(1)],
        release,
        read.excluded,
      ),
    ),
    release,
  );
  const family = relevantFamilyHistory(dx, read.excluded);
  const alternatives = [
    ...replaced,
    ...eventRules.replaced,
    ...read.alternatives.filter(
      (a) => !dx.some((s) => s.code === a.code) && !added.used.includes(a) && !first.added.includes(a),
    ),
  ];
  const excluded = read.excluded.filter(
    (e) =>
      !dx.some((s) => s.code === e.code) &&
      !specified.used.includes(e) &&
      !explained.used.includes(e) &&
      !added.used.includes(e) &&
      !family.some((f) => f.code === e.code),
  );
  const organisms = organismSuggestions(pack, doc, dx, release);
  // Drugs given at the visit, billed with HCPCS J-codes (units from the documented dose), unless the facility supplies them.
  const drugs = facilityDrugs(doc.text, drugSuggestions(pack, doc.text, sentenceSpans));
  const suggestions = [
    // A bacterial infection "of unspecified site" gives way to the site's infection + organism code (I.C.1.a).
    ...(organisms.length > 0 ? dx.filter((s) => !s.code.startsWith('A49.')) : dx),
    ...organisms,
    ...family,
    ...longTermDrugSuggestions(pack, doc, dx, release),
    ...drugs.kept,
  ];
  return { suggestions, alternatives: [...alternatives, ...drugs.moved], excluded };
}
