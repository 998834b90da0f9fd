/*
 * Whether a sign or symptom is written as part of a diagnosis in its statement (Guidelines I.B.4-
 * I.B.6). A symptom tied to the diagnosis by the provider's words ("carpal tunnel syndrome with
 * pain, numbness and tingling", "vomiting due to gastroenteritis") is that diagnosis's symptom and
 * is not coded beside it (I.B.5). A symptom only listed beside a diagnosis ("Atrial fibrillation and
 * shortness of breath", "Cervicalgia, cervical radiculopathy, and difficulty swallowing") is a
 * problem of its own: a symptom not routinely part of the diagnosis is coded (I.B.6).
 */

interface Span {
  start: number;
  end: number;
}

/** Words that tie a finding to a condition: association, cause, manifestation, attribution. */
const LINK =
  /\b(?:with|w\/|due|secondary|because|caus\w*|consistent|associated|related|r\/t|from|likely|probabl[ey]|possibl[ey]|result\w*|lead\w*|manifest\w*|which|includ\w*|suggest\w*|setting|attributed|present\w*)\b|[()]/i;

const gapBetween = (text: string, a: Span, b: Span): string =>
  a.end <= b.start ? text.slice(a.end, b.start) : b.end <= a.start ? text.slice(b.end, a.start) : '';

/**
 * True when some definitive diagnosis of the statement is tied to the symptom by the words between
 * them; false when every one is only listed beside it (commas, "and", "or", list numbers).
 */
export function symptomLinkedToDiagnosis(
  text: string,
  symptom: readonly Span[],
  diagnoses: readonly Span[][],
): boolean {
  return diagnoses.some((dx) =>
    symptom.some((s) =>
      dx.some((d) => {
        if (d.start < s.end && s.start < d.end) return true;
        const gap = gapBetween(text, s, d);
        // "Gastroenteritis with diarrhea": the diagnosis has the symptom. "Low back pain, chronic
        // with obesity": the symptom comes first and "with" adds another condition, not its cause.
        if (s.end <= d.start && !LINK.test(gap.replace(/\b(?:with|w\/)(?=\s|$)/gi, ' '))) return false;
        return LINK.test(gap);
      }),
    ),
  );
}
