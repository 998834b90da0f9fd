import type { EmNote } from './note-view';

/*
 * Global surgical package advice (CMS global surgery rules, in our words): the operating surgeon's
 * preoperative visit from the day before a major operation, and the postoperative care in hospital
 * including the discharge, are paid with the operation, not reported as separate E/M services.
 */

/** A discharge after an operation by the same surgeon falls in the global surgical package. */
export function discharged(read: EmNote, advice: string[]): void {
  const op = read.doc.sections.find(
    (s) =>
      /\b(procedures?|operations?)\b( (performed|done))?/i.test(s.heading) &&
      !/\bnone\b/i.test(read.doc.view.slice(s.bodyStart, s.end)),
  );
  if (
    op &&
    /ectomy|otomy|plasty|repair|fusion|bypass|transplant|fundoplication|arthroplasty|resection/i.test(
      read.doc.view.slice(op.bodyStart, op.end),
    )
  ) {
    advice.push(
      'An operation was done during the stay: if the discharging physician is the operating surgeon, discharge-day care is part of the global surgical package (no separate E/M).',
    );
  }
}

/** An admission for a planned operation: the surgeon's preoperative visit belongs to the global package. */
export function plannedOperation(read: EmNote, advice: string[]): void {
  const m =
    /\badmitted (?:to undergo|for)\s+(?:(?:an?|the|his|her|elective|planned|scheduled)\s+)*(?:[\w-]+\s+){0,3}?[\w-]*(?:ectomy|otomy|plasty|surgery|repair|replacement|fusion|bypass)\b/i.exec(
      read.doc.view,
    );
  if (m) {
    advice.push(
      `Admitted for a planned operation ("${m[0]}"): if the author is the operating surgeon, this visit is part of the global surgical package unless it is where the decision for surgery was made (then modifier 57).`,
    );
  }
}
