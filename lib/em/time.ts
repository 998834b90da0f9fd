import type { Span } from './note-view';

/*
 * Total time on the date of the encounter, as the provider documents it ("total time 35 minutes",
 * "I spent 42 minutes", "45 minutes were spent", "approximate discharge time is 28 minutes",
 * "greater than 30 minutes spent on discharge", "This was a 30-minute consultation", "the majority of
 * our 45-minute"). Only
 * statements about time spent count: a symptom that lasted five minutes is not visit time, and
 * another person's time (a nurse's, a dietitian's) is not the provider's. "More than N" counts as
 * N + 1 (a level defined as "more than 30 minutes" is then reached), "less than N" as N - 1
 * (critical care of "less than 30 minutes" is not critical care). The largest documented total wins.
 */
const NUMBER = String.raw`(\d{1,3}(?:\.\d)?|one|two|three)`;
const UNIT = String.raw`(minutes?|mins?|hours?|hrs?)\b`;
const MORE = String.raw`((?:more|greater|longer|less|fewer) than|over|under|in excess of|at least|>|<)?\s*`;
/** Words between "total time" and its number: no sentence end, but a title's period ("Dr. X") may pass. */
const GAP = (max: number) => String.raw`(?:[^.;\d]|\b(?:Dr|Drs|Mr|Mrs|Ms)\.){0,${max}}?`;
const PATTERNS: RegExp[] = [
  // "total time (spent) (with the patient) (was) 45 minutes", "total face-to-face time of 25 min"
  new RegExp(String.raw`\btotal\s+(?:[\w-]+\s+){0,4}?time\b${GAP(200)}${MORE}${NUMBER}\s*${UNIT}`, 'gi'),
  // "spent (a total of) 42 minutes", "spent greater than 30 minutes"
  new RegExp(
    String.raw`\b(?:spent|spending|spend)\s+(?:a\s+total\s+of\s+|approximately\s+|about\s+|roughly\s+)?${MORE}${NUMBER}\s*${UNIT}`,
    'gi',
  ),
  // "45 minutes were spent", "greater than 30 minutes spent on discharge", "30 minutes of total time"
  new RegExp(
    String.raw`${MORE}${NUMBER}\s*${UNIT}\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:spent|of\s+(?:total\s+)?(?:time|face)|of\s+critical\s+care|total\b|face[- ]to[- ]face|in\s+(?:counsel|coordinat|discharge))`,
    'gi',
  ),
  // "This was a 30-minute consultation", "a 45 minute visit", "over 60-minute face-to-face encounter";
  // "I had a 30-minute discussion with the patient": the author's own counseling counts toward the
  // total time on the date (CPT 2021), so its length is time documented (at least that much)
  new RegExp(
    String.raw`${MORE}${NUMBER}[- ](minutes?|mins?|hours?|hrs?)[- ](?:(?:total|face[- ]to[- ]face|office|follow[- ]?up|initial|new[- ]patient)\s+)*(?:visit|consultation|consult|encounter|appointment|discussion|conversation|counseling|family meeting)\b`,
    'gi',
  ),
  // "the majority of our 45-minute (visit)", "half of this 40-minute": a share of the visit's own
  // length states the visit's total time, the noun after it left out or not (CPT: time on the date)
  new RegExp(
    String.raw`\b(?:majority|most|all|half|bulk|\d{1,3}\s*%|\d{1,3}\s+percent)\s+of\s+(?:our|this|today's|the)\s+${MORE}${NUMBER}[- ](minutes?|mins?|hours?|hrs?)\b(?![- ](?:walk|test|interval|episode|period|drive)s?\b)`,
    'gi',
  ),
  // "discharge time is 28 minutes", "time spent: 40 minutes", "time: 35 minutes"
  new RegExp(
    String.raw`\b(?:discharge\s+time|critical\s+care\s+time|time\s+spent|visit\s+time|encounter\s+time|time\s+(?:for|on)\s+(?:this|the)\s+(?:visit|encounter|discharge))\b${GAP(200)}${MORE}${NUMBER}\s*${UNIT}`,
    'gi',
  ),
];

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3 };

/**
 * Another person's time is not the reporting provider's ("The nurse spent 20 minutes on teaching",
 * "a 30-minute session with the dietitian"): a role named in the sentence before the time, or
 * right after it.
 */
const OTHER_PERSON =
  /\b(nurses?|nursing|rn|lpn|therapists?|dietitians?|dieticians?|nutritionists?|educators?|social workers?|case managers?|pharmacists?|technicians?|techs?|medical assistants?|students?|chaplains?|counselors?|interpreters?|physical therapy|occupational therapy|speech therapy)\b/i;

function anotherPersons(note: string, start: number, end: number): boolean {
  const sentenceStart = Math.max(
    note.lastIndexOf('.', start - 1),
    note.lastIndexOf('\n', start - 1),
    note.lastIndexOf(';', start - 1),
  );
  const before = note.slice(sentenceStart + 1, start);
  const after = note.slice(end, end + 40).split(/[.;\n]/)[0] ?? '';
  return OTHER_PERSON.test(before) || (/^\s*(?:with|by) (?:the |a |our )?/i.test(after) && OTHER_PERSON.test(after));
}

export function findTotalTime(note: string): { minutes: number; evidence: Span } | undefined {
  let best: { minutes: number; evidence: Span } | undefined;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (const m of note.matchAll(re)) {
      if (anotherPersons(note, m.index, m.index + m[0].length)) continue;
      const [more, num, unit] = [m[1], m[2]!, m[3]!.toLowerCase()];
      let minutes = WORDS[num.toLowerCase()] ?? Number(num);
      if (unit.startsWith('h')) minutes *= 60;
      minutes = Math.round(minutes);
      if (more && /less|fewer|under|</i.test(more)) minutes -= 1;
      else if (more && !/at least/i.test(more)) minutes += 1;
      if (minutes <= 0 || minutes > 600) continue;
      const lead = m[0].length - m[0].trimStart().length;
      if (!best || minutes > best.minutes)
        best = { minutes, evidence: { start: m.index + lead, end: m.index + m[0].length, text: m[0].trim() } };
    }
  }
  return best;
}
