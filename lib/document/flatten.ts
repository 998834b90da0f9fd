/*
 * Transcribed notes often arrive with their line breaks flattened to commas ("IMPRESSION:,1.
 * Adenocarcinoma of the prostate.,2.  Erectile dysfunction.,PLAN:"). The structure is still
 * there: a comma right after a full stop or a colon, before a list number, or before an
 * upper-case heading stands for a line break. Each such comma becomes "\n" in a copy of the
 * note of the SAME length, so every offset found in the copy points into the original note.
 */
const AFTER_STOP = /([.:;?!]|\s-)([ \t]*),/g;
const BEFORE_LIST_ITEM = /,([ \t]*)(?=\d{1,2}[.)][ \t])/g;
const BEFORE_HEADING = /,([ \t]*)(?=[A-Z][A-Z0-9 /&'()-]{1,60}:|[SOAP]:[ \t]|[SOAP] -)/g;

export function restoreLineBreaks(text: string): string {
  const chars = text.split('');
  const breakAt = (re: RegExp, commaIndex: (m: RegExpExecArray) => number) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) chars[commaIndex(m)] = '\n';
  };
  breakAt(AFTER_STOP, (m) => m.index + m[0].length - 1);
  breakAt(BEFORE_LIST_ITEM, (m) => m.index);
  breakAt(BEFORE_HEADING, (m) => m.index);
  return chars.join('');
}
