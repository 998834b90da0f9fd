import { CUES, negation, namesCondition, type Unit } from './problem-classes';
import { firstMatch, type EmNote, type EmStatement } from './note-view';

/*
 * Where the problems are in the assessment: which diagnostic statements name a problem (a numbered
 * item, a condition, a short diagnosis-like phrase) and which are the plan or reasoning that goes
 * with the problem before them; a sentence listing several conditions is several problems.
 */
/** A part that qualifies the problem before it ("severe exacerbation with psychosis", "now hypotension"). */
const MODIFIER =
  /^\s*(?:with|without|now|still|currently|severe|mild|moderate|stable|unstable|worsening|worse|improv\w*|resolv\w*|exacerbat\w*|uncontrolled|controlled|poorly|well|not|status|secondary|due|likely|possibl\w*|probabl\w*|suspect\w*|rule|r\/o|versus|vs\.?|on|off|s\/p|complicated|associated|causing|leading|requiring|most|which|that)\b/i;

/** Splits "Respiratory arrest, pneumonia, COPD exacerbation" into problems when each part names a condition. */
function splitList(s: EmStatement): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  const re = /[^,;]+/g;
  for (const m of s.text.matchAll(re)) if (m[0].trim()) parts.push({ text: m[0], start: s.start + m.index });
  const named = parts.filter((p) => namesCondition(p.text));
  if (parts.length < 2 || named.length < 2) return [{ text: s.text, start: s.start }];
  // Parts that name no condition ("most notably in the morning") stay with the problem before them.
  const out: { text: string; start: number }[] = [];
  for (const p of parts) {
    if (out.length === 0 || (namesCondition(p.text) && !MODIFIER.test(p.text))) out.push({ ...p });
    else out[out.length - 1]!.text += `,${p.text}`;
  }
  return out;
}

/**
 * Words that open a plan or reasoning sentence, not a problem: a plan verb, the writer ("we", "I"),
 * or a sentence about what will happen ("This will likely be around 2:30 or 3 p.m. for her."): a
 * statement in the future is management, and its hedge is no uncertain diagnosis.
 */
const PLAN_LIKE =
  /^\s*(?:\d{1,2}[.)]\s*)?(?:(?:this|it|that|she|he|they) (?:will|would|should|is going to)|plan|recommend\w*|follow[- ]?up|return\w*|continu\w*|will|we|i|discuss\w*|patient (?:was|will|is to)|to |start\w*|stop\w*|hold\w*|increas\w*|decreas\w*|check\w*|obtain\w*|order\w*|schedul\w*|refer\w*|consult\w*|advis\w*|counsel\w*|instruct\w*|encourag\w*|our plan|at this time|if|all questions|options)\b/i;
/** Words of a sentence rather than of a diagnosis ("Options are discussed", "This has not improved"). */
const SENTENCE =
  /\b(is|are|was|were|has|have|had|will|would|should|can|could|did|does|do|discussed|reviewed|provided|answered|given|appears?|seems?|explained|recommended|started|continued|underwent|agree[sd]?)\b/i;

/**
 * The risks of a treatment told to the patient ("Risks … were reiterated …, which included death,
 * pulmonary embolism, anastomotic leak") are consent counselling: the conditions listed are what
 * might happen, not problems evaluated or treated at the visit (CPT: a problem is addressed when it
 * is evaluated or treated). A problem named before the risk words ("Osteoarthritis; risks of the
 * injection discussed") stays one.
 */
const RISK_TALK =
  /\b(?:risks?|complications?|side[- ]effects?)\b(?! factors?)[^.]{0,120}?\b(?:includ\w*|such as|(?:were|was|have been|has been) (?:discussed|explained|reviewed|reiterated|described|outlined))\b/i;

function riskTalk(text: string): boolean {
  const m = RISK_TALK.exec(text);
  return m !== null && !namesCondition(text.slice(0, m.index));
}

/** A short noun phrase ("Plantar fasciitis.") is a diagnosis even when no condition list names it. */
export function diagnosisLike(text: string): boolean {
  const t = text.replace(/^\s*(?:#?\d{1,2}[.)]|[-•*])\s*/, '').trim();
  return t.length > 2 && t.split(/\s+/).length <= 10 && !SENTENCE.test(t) && !PLAN_LIKE.test(t);
}

/**
 * A line of a diagnostic list that names no problem: an axis left empty ("Deferred at this time.",
 * "Noncontributory.", "None.") or the formulation's stressors and functioning (DSM-IV Axis IV and
 * Axis V: "Global Assessment of Functioning 40"), which describe the patient, not a problem addressed.
 */
const PLACEHOLDER =
  /^\s*(?:(?:#?\d{1,2}[.)]|[-•*])\s*)?(?:axis\s+(?:i{1,3}|iv|v|[1-5])\s*:?\s*)?(?:deferred|none|noncontributory|non-contributory|n\/a|not applicable|unknown|no diagnosis)\b[\s\w]{0,20}?\.?\s*$/i;
const STRESSORS_OR_FUNCTIONING = /^\s*(?:(?:#?\d{1,2}[.)]|[-•*])\s*)?axis\s+(?:iv|v|4|5)\b/i;
export function namesNoProblem(text: string): boolean {
  return PLACEHOLDER.test(text) || STRESSORS_OR_FUNCTIONING.test(text);
}

/** The writer's subject ("She", "The patient") in front of a negation: no diagnosis. */
const SUBJECT = /^\s*(?:the\s+)?(?:patient|pt|he|she|they|it|there|this)\b/i;

/**
 * A statement that denies rather than states a problem: it has a negation, its words outside the
 * negation name no condition, and its words before the negation read as no diagnosis ("Completed
 * and there was no history of falls."). "Chest pain, no radiation" names its problem before the
 * negation, and "a woman with no children now presenting with suicidal ideation" after it: both
 * stay problems.
 */
export function deniesOnly(text: string): boolean {
  const neg = negation(text);
  if (!neg) return false;
  const before = neg.before.replace(/^\s*(?:#?\d{1,2}[.)]|[-•*])\s*/, '');
  // "She denies …": a subject before the negation is no diagnosis.
  const named = diagnosisLike(before) && !SUBJECT.test(before);
  return !namesCondition(neg.asserted) && !named && firstMatch(neg.asserted, CUES.uncertain) === undefined;
}

/**
 * Problems of the assessment: the first statement of each numbered item (the rest of the item is
 * its context), else each statement that names a condition or reads as a diagnosis; other
 * statements (plan sentences, reasoning) are the context of the problem before them.
 */
export function units(note: EmNote): Unit[] {
  const diag = note.statements.filter((s) => s.role === 'diagnostic');
  const out: Unit[] = [];
  let prevKey = '';
  for (const s of diag) {
    const key = `${s.sectionStart}:${s.item ?? ''}`;
    const sameItem = s.item !== undefined && key === prevKey;
    prevKey = key;
    const last = out.at(-1);
    const inSection = last !== undefined && last.head.sectionStart === s.sectionStart;
    if (sameItem && last) {
      last.context.push(s);
      continue;
    }
    if (riskTalk(s.text)) {
      if (inSection) last.context.push(s);
      continue;
    }
    const problem =
      s.item !== undefined ||
      (!PLAN_LIKE.test(s.text) && (namesCondition(s.text) || firstMatch(s.text, CUES.uncertain) !== undefined)) ||
      diagnosisLike(s.text) ||
      // The first statement of an assessment is its problem, even written as a sentence.
      (!inSection && (namesCondition(s.text) || !PLAN_LIKE.test(s.text)));
    if (!problem) {
      if (inSection) last.context.push(s);
      continue;
    }
    for (const part of splitList(s)) out.push({ head: s, headText: part.text, headStart: part.start, context: [] });
  }
  return out;
}
