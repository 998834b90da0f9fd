import { firstMatch, type EmNote, type Span } from './note-view';
import type { EmResult } from './result';

/*
 * The global surgical package (CMS global surgery rules, Medicare Claims Processing Manual ch. 12
 * §40, in our words): for a major operation the operating surgeon's visit from the day before, the
 * postoperative care in hospital and the discharge are paid with the operation, not reported as
 * separate E/M services. A visit where the decision to operate is made is reported (modifier 57);
 * care by another physician (the attending who did not operate, a consultant) is reported as usual.
 * A note falls in the package when it shows an operation in the stay (or the planned one), that
 * its author is the operating surgeon, and nothing naming someone else as the surgeon. A cesarean
 * delivery is such an operation: the delivering physician's hospital visits and discharge are in the
 * global obstetric package (CPT's delivery codes with postpartum care).
 */

/**
 * Words of an open or laparoscopic operation (not an endoscopy, a line, a tap or a test): a
 * surgical suffix, or an operation's own word ("fusion" alone: not "transfusion" or "perfusion").
 */
const OP = String.raw`(?:[\w-]*(?:ectomy|otomy|ostomy|plasty|pexy|rrhaphy)|cesarean|c-section|repair|fusion|bypass|transplant\w*|fundoplication|decortication|resection|amputation|fixation|excision|reconstruction|replacement|exploration|revision)`;
const OPERATION = new RegExp(String.raw`\b${OP}\b`, 'i');
/** Up to five words before the operation's word ("a laparoscopic Roux-en-Y gastric bypass"). */
const WORDS = String.raw`(?:[\w-]+ ){0,5}?`;

/** A section listing what was done in the stay ("PROCEDURE PERFORMED", "OPERATION", "PRINCIPAL PROCEDURE"). */
const PROCEDURE_HEADING = /\b(?:procedures?|operations?|surger(?:y|ies))\b/i;
/** Earlier operations ("PAST SURGERIES", "PREVIOUS OPERATIONS") are not the stay's. */
const EARLIER = /\b(?:past|previous|prior|history|earlier)\b/i;

/** The course of an operation in the stay, in the hospital course (not the past surgical history). */
const OPERATED = [
  String.raw`\b(?:taken|went) (?:back )?to (?:the (?:operating room|OR\b)|surgery\b)`,
  String.raw`\bunderwent (?:an? |the )?${WORDS}${OP}\b`,
];

/** The author writes as the operating team ("we proceeded with", "presents to us for repair"). */
const AUTHOR_OPERATED = [
  String.raw`\b(?:we|I) (?:then |subsequently |initially )?(?:proceeded (?:with|to)|performed|did) (?:an? |the )?${WORDS}(?:${OP}|surgery|operation)\b`,
  String.raw`\b(?:we|I) (?:operated|took (?:the patient|him|her) (?:back )?to the operating room)\b`,
  String.raw`\b(?:presents?|presented|came|was referred|referred) to (?:us|me|our (?:service|clinic|office)) for (?:an? |the |elective |surgical )*${WORDS}(?:${OP}|surgery|operation)\b`,
  String.raw`\bI (?:was not confident|felt|recommended|advised|believed?)\b[^.]{0,80}\bsurg(?:ery|ical)\b`,
];

/** Admitted for the operation, decided before the stay: the history says it was planned, or the stay opens with it. */
const PLANNED = [
  String.raw`\badmitted (?:electively )?(?:to undergo|for)\s+(?:(?:an?|the|his|her|elective|planned|scheduled)\s+)*(?:[\w-]+\s+){0,3}?(?:${OP}|surgery)\b`,
  String.raw`\badmitted\b[^.]{0,30}?\bto undergo\b`,
  String.raw`\b(?:surgical (?:therapy|treatment|management)|surgery|an operation) (?:is|was) (?:planned|scheduled)\b`,
  String.raw`\b(?:has |had )?elected (?:to (?:have|undergo|proceed with) |definitive (?:therapy|treatment) with )(?:an? |the )?${WORDS}(?:${OP}|surgery)\b`,
  String.raw`\b(?:decided|agreed|consented|elected) to proceed with (?:the )?(?:operation|surgery|procedure)\b`,
  String.raw`\b(?:elective|same[- ]day) (?:[\w-]+ ){0,2}(?:surgery|operation|c-section|cesarean)\b`,
  String.raw`\b(?:on the day of (?:her|his|the) admission|following admission|upon admission)\b[^.]{0,80}\b(?:operating room|procedure was|underwent)\b`,
  String.raw`\badmitted (?:to the surgical suite|and consented for (?:the )?(?:operation|surgery))\b`,
  // The stay's operation was decided at the author's clinic consultation ("was seen in clinic as an
  // initial consultation on 09/13/07 complaining of neck pain ..."): an elective admission for it.
  String.raw`\bseen in (?:the |our |my )?(?:clinic|office) (?:as an? )?(?:initial |new )?(?:consultation|consult|new patient)\b`,
];

/** The note puts the stay on a surgical service: admitted to it, or its service named. */
const OWN_SURGICAL_SERVICE = [
  String.raw`\badmitted to (?:the )?(?:orthopedics?|orthopedic service|(?:general )?surgery|surgical service|urology|gynecology|neurosurgery|(?:cardio)?thoracic surgery)\b`,
  String.raw`\bservice:[\s,]*(?:general )?(?:surgery|orthopedics?|urology|gynecology|neurosurgery)\b`,
];
/** The stay is on the operating service: admitted to it, its service named, or medicine consulted for the medical problems. */
const SURGICAL_SERVICE = [
  ...OWN_SURGICAL_SERVICE,
  String.raw`\bconsultations?:[\s,]*[^.]{0,40}?\b(?:internal )?medicine for\b`,
  String.raw`\b(?:consulted (?:internal )?medicine|(?:internal )?medicine (?:was )?consulted)\b`,
];

/** The surgeon's own postoperative follow-up: a wound or staple check, a postoperative office visit. */
const SURGEONS_FOLLOWUP = [
  String.raw`\b(?:follow[- ]?up|return|seen|re-?appoint\w*)\b[^.]{0,60}?\b(?:wound check|incision check|(?:removal of |remove )(?:the )?(?:staples|sutures)|(?:staple|suture) removal)\b`,
  String.raw`\b(?:my|our|the) office\b[^.]{0,40}?\bpost-?op\w*`,
  String.raw`\bpost-?op\w* (?:visit|evaluation|check)\b[^.]{0,30}?\boffice\b`,
  String.raw`\b(?:staples|sutures)\b[^.]{0,60}?\bremoved\b[^.]{0,40}?\bfollow[- ]?up\b`,
  String.raw`\bto see me in (?:(?:one|two|1|2) weeks?|(?:[1-9]|1[0-4]|one|two|three|four|five|six|seven|eight|nine|ten|fourteen) days)\b`,
  String.raw`\b(?:follow[- ]?up|return|be seen) with me in (?:(?:one|1)(?: (?:to|-) (?:two|2))?|two|2) weeks?\b`,
  String.raw`\b(?:followed|follow[- ]?up|seen|see (?:him|her|the patient))\b[^.]{0,20}?\bin my office in (?:(?:one|two|1|2) weeks?|(?:[1-9]|1[0-4]|one|two|three|four|five|six|seven|eight|nine|ten|fourteen) days)\b`,
];

/** A surgical specialty consulted ("urology consult", "orthopedics was called"). */
const SURGICAL_CONSULT = [
  String.raw`\b(?:surgical|surgery|orthopedic|urolog\w*|gynecolog\w*|vascular|cardiothoracic|neurosurg\w*) (?:consult|consultation)s?\b`,
  String.raw`\b(?:general surgery|surgery|surgeons?|orthopedics|urology|gynecology|neurosurgery) (?:was |were |has been )?(?:consulted|called|contacted|involved)\b`,
];
/** Another physician named as the one who operates or follows the surgery. */
const NAMED_SURGEON = [
  String.raw`\b(?:consulted|discussed with|seen by|evaluated by) (?:the )?(?:general |orthopedic |vascular |cardiothoracic )?(?:surgery|surgeons?|surgical (?:team|service))\b`,
  String.raw`\bfollow(?:[- ]?up)? (?:with|by) (?:the |his |her )?(?:general )?(?:surgeons?|surgery|surgical (?:team|service|clinic))\b`,
  String.raw`\b(?:with|see|to) (?:the |his |her |their )?(?:general |orthopedic |vascular )?surgeon(?:'s office)?\b`,
  String.raw`\b(?:performed|done|operating room|operated on) by (?:Dr\.?|doctor) [A-Z]`,
];
/** Someone else operates, or surgery is a consulting service: the author is not the surgeon. */
const OTHER_SURGEON = [...SURGICAL_CONSULT, ...NAMED_SURGEON];

export interface GlobalPackage {
  /** Why the note's service is inside the package, in the coder's words. */
  why: string;
  evidence: Span[];
}

const match = (read: EmNote, ps: readonly string[]) => firstMatch(read.doc.view, ps);

/** The operation done in the stay: a procedure section naming one, or the course telling of it. */
function operationInStay(read: EmNote): Span | undefined {
  for (const s of read.doc.sections) {
    if (!PROCEDURE_HEADING.test(s.heading) || EARLIER.test(s.heading)) continue;
    const body = read.doc.view.slice(s.bodyStart, s.end);
    const m = OPERATION.exec(body);
    if (m && !/\bnone\b/i.test(body))
      return { start: s.bodyStart + m.index, end: s.bodyStart + m.index + m[0].length, text: m[0] };
  }
  for (const s of read.statements)
    if (s.kind === 'course') {
      const hit = firstMatch(s.text, OPERATED, s.start);
      if (hit) return hit;
    }
  return undefined;
}

/**
 * Another physician is the surgeon. On a stay the note puts on a surgical service ("SERVICE:
 * General surgery"), another specialty's consult ("urology consult for ureteral stent placement")
 * is help with a part of the care, not the operation of the stay.
 */
function otherSurgeon(read: EmNote): boolean {
  return Boolean(match(read, match(read, OWN_SURGICAL_SERVICE) ? NAMED_SURGEON : OTHER_SURGEON));
}

/**
 * A discharge after an operation in the stay, written by the operating surgeon: the note speaks as
 * the operating team, or the stay was the elective admission for the operation; with no other
 * physician named as the surgeon. Then discharge-day care is part of the global package.
 */
export function surgeonsDischarge(read: EmNote): GlobalPackage | undefined {
  const op = operationInStay(read);
  if (!op || otherSurgeon(read)) return undefined;
  const signs: [readonly string[], string][] = [
    [AUTHOR_OPERATED, 'written as the operating team'],
    [PLANNED, 'the stay was the admission for it'],
    [SURGICAL_SERVICE, 'the stay was on the operating service'],
    [SURGEONS_FOLLOWUP, "the surgeon's own postoperative follow-up"],
  ];
  for (const [ps, what] of signs) {
    const hit = match(read, ps);
    if (hit)
      return {
        why: `the operating surgeon's discharge after an operation in the stay ("${op.text}"; ${what}: "${hit.text}"): discharge-day care is part of the global surgical package, no separate E/M (if the author did not operate, report the discharge by its time)`,
        evidence: [op, hit],
      };
  }
  return undefined;
}

/** The operating surgeon obtains the consent: the author takes the risks of the operation through, or will do it. */
const SURGEONS_CONSENT = [
  String.raw`\basks? (?:that )?(?:I|we) proceed\b`,
  String.raw`\b(?:I|we) (?:will|plan to|shall) (?:proceed with|perform)\b`,
  String.raw`\brisks,? (?:and )?benefits,? and alternatives\b[^.]{0,60}\b(?:have been|were|was|are) discussed\b`,
  String.raw`\bdiscussed (?:the )?risks,? (?:and )?benefits\b`,
];

/**
 * An admission history and physical for an operation decided before the stay ("admitted to undergo
 * a prostatectomy"), by the surgeon who takes the consent: the preoperative visit is in the global
 * package. A visit where the operation is first decided is not (modifier 57), so the admission must
 * already be for it, and no other physician is named as the surgeon.
 */
export function preoperativeVisit(read: EmNote): GlobalPackage | undefined {
  const planned = firstMatch(read.doc.view, [PLANNED[0]!]);
  if (!planned || match(read, OTHER_SURGEON)) return undefined;
  const consent = match(read, SURGEONS_CONSENT);
  if (!consent) return undefined;
  return {
    why: `the operating surgeon's preoperative history and physical ("${planned.text}"; "${consent.text}"): the visit before a planned major operation is part of the global surgical package, no separate E/M (modifier 57 only where this visit decides on the operation)`,
    evidence: [planned, consent],
  };
}

/** Advice when an operation was done in the stay but the note does not say who did it. */
export function discharged(read: EmNote, advice: string[]): void {
  if (operationInStay(read))
    advice.push(
      'An operation was done during the stay: if the discharging physician is the operating surgeon, discharge-day care is part of the global surgical package (no separate E/M).',
    );
}

/** Advice for an admission for a planned operation when the author is not shown to be the surgeon. */
export function plannedOperation(read: EmNote, advice: string[]): void {
  const m = firstMatch(read.doc.view, [PLANNED[0]!]);
  if (m)
    advice.push(
      `Admitted for a planned operation ("${m.text}"): if the author is the operating surgeon, this visit is part of the global surgical package unless it is where the decision for surgery was made (then modifier 57).`,
    );
}

/**
 * The note's level, or no E/M when the note is the operating surgeon's discharge or preoperative
 * visit (families read from the note only: a family the coder chose is levelled as asked).
 */
export function inGlobalPackage(read: EmNote, r: EmResult): EmResult {
  const g =
    r.kind === 'discharge' ? surgeonsDischarge(read) : r.kind === 'initial' ? preoperativeVisit(read) : undefined;
  if (!g || !r.code) return r;
  const { code, label: _label, byTime: _t, byMdm: _m, nextLevel: _n, ...rest } = r;
  return {
    ...rest,
    nothingToLevel: `${g.why}; read alone, the note supports ${code}`,
    globalSurgery: g,
    basis: 'none',
    prolonged: { cpt: 0, medicare: 0 },
    advice: [],
  };
}
