import type { EmNote } from './note-view';

/** Facts read from the raw text before any leveling: is it a note at all, and the patient's age. */

/** Binary or control characters, or almost no words: not a note to level. */
export function notANote(text: string): string | undefined {
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
  // A template whose fields are left blank ("This is a ** week gestational age ** delivered by **")
  // documents no patient's visit. A filled note keeps a stray blank or two (the most in any other
  // MTSamples note is 6).
  const blanks = text.match(BLANK_FIELD)?.length ?? 0;
  if (blanks >= UNFILLED_TEMPLATE_BLANKS)
    return `an unfilled template: ${blanks} fields are left blank ("**" or "___"), so it documents no patient's visit: nothing to level`;
  return undefined;
}

/** A field left blank in a template: "**" or a line of underscores. */
const BLANK_FIELD = /\*\*|_{3,}/g;
const UNFILLED_TEMPLATE_BLANKS = 10;

/** Sections that tell why the patient came or what was decided. */
const VISIT_PARTS = new Set(['chief_complaint', 'hpi', 'course', 'diagnostic', 'plan']);
/** Sections of a record's history and examination. */
const RECORD_PARTS = new Set([
  'exam',
  'ros',
  'pmh',
  'psh',
  'family_history',
  'social_history',
  'medications',
  'allergies',
]);

/**
 * An E/M level rests on medical decision making or on the total time (CPT 2021/2023). A record
 * with headings but no reason for the visit, no history of the present illness and no assessment
 * or plan (an examination template, a fragment of history and examination, a list of records
 * reviewed) shows no problem addressed and no management: it supports no E/M level on its own.
 * Prose without headings (or a letter under "RE:") says nothing by its form and is levelled as usual.
 */
export function noDecisionRecord(read: EmNote): string | undefined {
  const { sections } = read.doc;
  // A letter (only "RE:" and an address above its prose) has no record parts: it is read as prose.
  if (!sections.some((s) => s.heading && RECORD_PARTS.has(s.kind))) return undefined;
  if (sections.some((s) => VISIT_PARTS.has(s.kind))) return undefined;
  if (read.statements.some((s) => s.role === 'reason' || s.role === 'plan')) return undefined;
  const headings = sections.filter((s) => s.heading).map((s) => s.heading.trim());
  return `no reason for the visit, history of the present illness, assessment or plan (only ${headings.slice(0, 4).join(', ')}): no decision making or time documented, so no E/M level is supported`;
}

/**
 * A record that stops at an empty heading ("PHYSICAL EXAM: VITALS:" and nothing after it) with no
 * assessment or plan anywhere is unfinished: the problems addressed and the management decided,
 * which MDM rests on (CPT 2021/2023), are not documented, so it supports no level. A complete
 * record that merely has no assessment section (its last section has a body) is levelled as usual.
 */
const EMPTY_BODY = /^[\s,.;:]*(?:[A-Z][A-Z /&-]{1,40}:[\s,.;]*)*$/;
const ENDS_AT_EMPTY_HEADING = /[.,;]\s*[A-Z][A-Z /&-]{1,40}:[\s,.;]*$/;
export function unfinishedRecord(read: EmNote): string | undefined {
  const last = read.doc.sections.at(-1);
  // A body that holds only an empty sub-heading ("PHYSICAL EXAMINATION: GENERAL:") is empty too;
  // one that ends at an empty sub-heading ("VITAL SIGNS: Temperature 97.6 …, GENERAL:") was cut off there.
  if (!last?.heading) return undefined;
  const body = read.doc.view.slice(last.bodyStart, last.end);
  const cutOff = ENDS_AT_EMPTY_HEADING.test(body);
  if (!cutOff && !EMPTY_BODY.test(body)) return undefined;
  // The empty heading is the assessment itself ("IMPRESSION:" and nothing after it) and no plan is
  // written anywhere: a diagnosis list above it (a problem list) decides nothing.
  // An empty "PLAN:" after a written assessment still leaves the problems addressed: levelled; so
  // does an empty heading after an assessment written below the examination ("FORMULATION: …,
  // DIAGNOSES:"). A diagnosis list above the examination is a problem list: it decides nothing.
  const sections = read.doc.sections;
  const lastExam = sections.findLastIndex((s) => s.kind === 'exam');
  const assessedAfterExam = sections.some(
    (s, i) => i > lastExam && s !== last && s.kind === 'diagnostic' && s.end > s.bodyStart + 2,
  );
  const emptyAssessment =
    !cutOff && last.kind === 'diagnostic' && !assessedAfterExam && !read.statements.some((s) => s.role === 'plan');
  if (emptyAssessment)
    return `the record stops at an empty "${last.heading.trim()}" heading, with no plan: the decision making is not documented, so no E/M level is supported`;
  if (read.doc.sections.some((s) => s.kind === 'diagnostic' || s.kind === 'plan')) return undefined;
  // A body system's line of the review of systems ("PSYCHOLOGICAL: No anxiety or depression.") is
  // no assessment, though an unknown heading's sentences are read as one.
  if (
    read.statements.some(
      (s) => (s.role === 'diagnostic' || s.role === 'plan') && !SYSTEM_HEADING.test(s.heading.trim()),
    )
  )
    return undefined;
  const stopsAt = cutOff ? /([A-Z][A-Z /&-]{1,40}):[\s,.;]*$/.exec(body)![1]!.trim() : last.heading.trim();
  return `the record stops at an empty "${stopsAt}" heading, with no assessment or plan: the decision making is not documented, so no E/M level is supported`;
}

/** Words that tell the discharge (or the stay's end) a discharge summary records. */
const DISCHARGE_TOLD =
  /\bdischarg\w*|\bdisposition\b|\bsent (?:home|out)\b|\bwent home\b|\btransferr?\w*|\b(?:expired|died|passed away)\b|\bfollow[- ]?up\b|\bcondition (?:on|at|upon)\b/i;

const EARLIER_DISCHARGE =
  /\b(?:after|since|following|prior|previous|recent(?:ly)?)\s+(?:(?:her|his|the|their|a)\s+)?discharge\w*/gi;

/**
 * A hospital course that never tells a discharge, with no assessment or plan (a case presentation
 * told for teaching: the stay, the tests, and no decision of the author's): discharge day
 * management is the discharge's own work (CPT 2023 hospital discharge services), so no level.
 */
export function noDischargeTold(read: EmNote): string | undefined {
  // An earlier stay's discharge ("five days after discharge to a nursing home", or told in the
  // history: "She had been admitted recently ... The patient was discharged on ethambutol") is the story.
  const told = read.doc.sections
    .filter((s) => !HISTORY_PARTS.has(s.kind) && s.kind !== 'medications')
    .map((s) => read.doc.view.slice(s.start, s.end))
    .join('\n')
    .replace(EARLIER_DISCHARGE, '');
  if (DISCHARGE_TOLD.test(told)) return undefined;
  // Sections a coder reads the decisions from (an unknown heading's sentences are read as
  // statements of their own, not an assessment).
  if (read.doc.sections.some((s) => s.kind === 'diagnostic' || s.kind === 'plan')) return undefined;
  return 'a hospital course that tells no discharge, with no assessment or plan (a case presentation): no discharge day management or decision making is documented, so no E/M level is supported';
}

/** A body system's sub-heading, as a review of systems or an examination runs through them. */
const SYSTEM_HEADING =
  /^(?:constitutional|general|eyes?|ent|heent|ears?|nose|throat|mouth|neck|cardiovascular|cardiac|heart|respiratory|pulmonary|lungs?|chest|breasts?|gi|gastrointestinal|abdomen|gu|genitourinary|musculoskeletal|extremities|skin|integumentary|neurologic(?:al)?|neuro|psychiatric|psych|psychological|endocrine|hematologic(?:al)?|hematological|heme(?:\/lymph)?|lymphatic|allergic(?:\/immunologic)?|immunologic)$/i;

/** Sections of the history: a record that ends in one of them has not reached the examination or the decision. */
const HISTORY_PARTS = new Set(['chief_complaint', 'hpi', 'pmh', 'psh', 'family_history', 'social_history', 'ros']);

/**
 * A record whose last section is still the history, with no examination, no course and no plan
 * anywhere, is a fragment: the problems may be named (a "PROBLEM:" line heading a referral) but
 * nothing was examined or decided, so no E/M level is supported (the level rests on the decision
 * making or the time, CPT 2021/2023).
 */
export function stopsInHistory(read: EmNote): string | undefined {
  const all = read.doc.sections;
  // The body systems a review of systems runs through ("REVIEW OF SYSTEMS, CONSTITUTIONAL: denies
  // fevers, EYES: …") are its own sub-headings, not an examination, when no examination heading
  // follows them.
  let k = all.length;
  while (k > 1 && all[k - 1]!.kind === 'exam' && SYSTEM_HEADING.test(all[k - 1]!.heading.trim())) k--;
  if (k < all.length && all[k - 1]!.kind !== 'ros') k = all.length;
  const sections = all.slice(0, k);
  const end = k < all.length ? all[k]!.start : Infinity;
  const last = sections.at(-1);
  if (!last?.heading || !HISTORY_PARTS.has(last.kind)) return undefined;
  if (sections.some((s) => s.kind === 'exam' || s.kind === 'plan' || s.kind === 'course')) return undefined;
  if (read.statements.some((s) => s.role === 'plan' || (s.role === 'findings' && s.start < end))) return undefined;
  // A decision written into the history's prose ("we will start …") is a plan all the same.
  if (/\b(we|i) (will|would|plan|recommend|suggest)\b|\bplan(ned)? (is|to)\b/i.test(read.doc.view)) return undefined;
  return `the record stops in the history ("${last.heading.trim()}"), with no examination, course or plan: the decision making is not documented, so no E/M level is supported`;
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
const AGE_PATTERNS = [
  /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)[- ](year|yr|month|mo|week|wk|day)s?[- ]old\b/i,
  /\b(\d{1,3})[- ]?(y\/o|yo|y\.o\.)(?=\W)/i,
  /(?<!\bat )\b(?:age|aged)[:\s]+(\d{1,3})\b/i,
];

/** The patient's age in years from the note (family and social history aside: "her father died at age 86"). */
export function ageYears(read: EmNote): number | undefined {
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
