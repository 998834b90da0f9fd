import type { Token } from '../text/tokens';

/** The operation that removes or repairs what it names. */
const REMOVES = /(?:surgery|extraction|removal|excision|resection|repair|ectomy|plasty)\b/i;
/** Injuries are coded through their healing after the repair (7th character D, I.C.19.a). */
const STILL_HEALING = new Set(['fracture', 'fractures', 'dislocation', 'laceration', 'wound', 'injury', 'burn']);

/**
 * "Cataract status post cataract surgery", "Hernia, s/p hernia repair": a condition written with
 * the operation that removed it, the operation naming the same noun, is past — the patient has
 * the status, not the condition (I.C.21.c.3); a diabetes "with" link (I.A.15) cannot reach it.
 */
function removedByOperation(text: string, last: Token): boolean {
  if (STILL_HEALING.has(last.norm)) return false;
  const m = /^\s*,?\s*(?:status post|s\/p|post)\s+([^.,;:]{1,50})/i.exec(text.slice(last.end, last.end + 70));
  if (!m) return false;
  const noun = last.norm.replace(/s$/, '');
  // The noun inside the operation's own name ("cataract surgery", "hernia repair", "cholecystectomy").
  return noun.length > 3 && new RegExp(`\\b${noun}\\w*(?:\\s+\\w+){0,2}?\\s*${REMOVES.source}`, 'i').test(m[1]!);
}

/**
 * "Status post hysterectomy secondary to uterine fibroids", "s/p cholecystectomy for cholelithiasis",
 * "underwent a laparoscopic right adrenalectomy due to an adrenal adenoma":
 * the reason a past operation was done is past with it. A chronic condition stays current through
 * the history rule (assertion-outcome.ts: "s/p CABG for coronary artery disease" keeps I25.10).
 */
const REASON_OF_PAST_OPERATION =
  /\b(?:status post|s\/p)\s+[^.,;:]{1,40}?\b(?:secondary to|due to|because of|for)\s+(?:\w+\s+){0,3}$|\b(?:underwent|had)\s+[^.,;:]{0,40}?\w+(?:ectomy|otomy|ostomy|plasty|pexy)\s+(?:secondary to|due to|because of|for)\s+(?:\w+\s+){0,3}$/i;

/**
 * The condition's noun naming a past operation ("recovering well from her cataract operation", "after
 * his hernia repair"): the words say what was operated on, not a condition still there. An
 * operation to come ("here for cataract surgery") leaves the condition current.
 */
const OPERATION_NOUN = /^\s*(?:surgery|operation|extraction|repair|removal|excision|resection)\b/i;
const AFTER_OPERATION =
  /\b(?:recovering (?:well )?from|recovery from|after|following|status post|s\/p|post|had|has had|underwent|undergone|since)\s+(?:\w+\s+){0,3}$/i;

/** The words that name a malignancy at the end of a mention. */
const CANCER_WORD = /^(?:cancers?|carcinomas?|adenocarcinomas?|malignanc(?:y|ies)|melanomas?|sarcomas?|tumou?rs?)$/;
/** The cancer's operation, written after it ("bladder cancer status post radical cystectomy"). */
const EXCISED_AFTER =
  /^[^.;:]{0,70}?\b(?:status post|s\/p)\s+[^.;:]{0,60}?\b\w*(?:ectomy|resection|excision|removal)\b/i;
/** Treatment still directed at the cancer, or the cancer still there. */
const STILL_TREATED =
  /\b(?:chemotherapy|chemo|radiation|radiotherapy|currently|receiving|undergoing|metasta\w*|recurren\w*|residual|persistent|adjuvant)\b/i;

/**
 * "Renal cell carcinoma and transitional cell bladder cancer status post left nephrectomy, radical
 * cystectomy … 6 weeks prior": a cancer excised, with no treatment still directed at it and no
 * evidence it remains, is its personal history (Guidelines I.C.2.d).
 */
function cancerExcised(text: string, last: Token): boolean {
  if (!CANCER_WORD.test(last.norm)) return false;
  const end = text.indexOf('.', last.end);
  const rest = text.slice(last.end, end < 0 ? last.end + 200 : Math.min(end, last.end + 200));
  return EXCISED_AFTER.test(rest) && !STILL_TREATED.test(rest);
}

/** The mention (its first and last words) is a condition an earlier operation removed or was done for. */
export function pastByOperation(text: string, first: Token, last: Token): boolean {
  const before = text.slice(Math.max(0, first.start - 90), first.start);
  const operated =
    !STILL_HEALING.has(last.norm) &&
    OPERATION_NOUN.test(text.slice(last.end, last.end + 20)) &&
    AFTER_OPERATION.test(before);
  return (
    operated || removedByOperation(text, last) || cancerExcised(text, last) || REASON_OF_PAST_OPERATION.test(before)
  );
}
