import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/* Primary and secondary malignant neoplasms read from the note's words, on the real code set (I.C.2). */
const { present, shown } = realAnalyzer('the neoplasm cases');

describe.skipIf(!present)('metastatic cancer: the site written with the cancer word is the primary', () => {
  it.each([
    ['ASSESSMENT: Metastatic breast cancer.', ['C50.919', 'C79.9']],
    ['ASSESSMENT: Metastatic colon cancer to the liver.', ['C18.9', 'C78.7']],
    ['ASSESSMENT: Breast cancer with metastases to the bone.', ['C50.919', 'C79.51']],
    ['ASSESSMENT: Prostate cancer metastatic to bone.', ['C61', 'C79.51']],
    ['ASSESSMENT: Metastatic non-small cell lung cancer.', ['C34.90', 'C79.9']],
  ])('%s -> %j, the primary first', (note, codes) => {
    expect(shown(note)).toEqual(codes);
  });

  it('the secondary reading stays where the site is where the cancer went', () => {
    expect(shown('ASSESSMENT: Liver metastases.')).toEqual(['C78.7']);
    // "Metastatic liver / bone / brain cancer" usually names the spread: not read as a primary there.
    expect(shown('ASSESSMENT: Metastatic liver cancer.')).not.toContain('C22.9');
    expect(shown('ASSESSMENT: Metastatic bone cancer.')).not.toContain('C41.9');
  });

  it('never the secondary code of the primary site', () => {
    expect(shown('ASSESSMENT: Metastatic breast cancer.')).not.toContain('C79.81');
    expect(shown('ASSESSMENT: Metastatic colon cancer to the liver.')).not.toContain('C78.5');
  });
});

describe.skipIf(!present)('a header word written in another form adds no specificity', () => {
  it('"pancreatic cancer" is C25.9, not the pancreatic duct (C25.3)', () => {
    expect(shown('ASSESSMENT: Pancreatic cancer.')).toEqual(['C25.9']);
    expect(shown('ASSESSMENT: Cancer of the pancreatic duct.')).toContain('C25.3');
  });
});

describe.skipIf(!present)('a lobe is a lobe of the lung', () => {
  it('"carcinoma of the left upper lobe" is C34.12, not an unspecified primary (C80.1)', () => {
    expect(shown('ASSESSMENT: Non-small-cell carcinoma of the left upper lobe.')).toEqual(['C34.12']);
    expect(shown('POSTOPERATIVE DIAGNOSIS: Right middle lobe lung cancer.')).toEqual(['C34.2']);
  });
});

describe.skipIf(!present)('remission is coded only when the note says it (never more than documented)', () => {
  it.each([
    ['Multiple myeloma.', 'C90.00'],
    ['Multiple myeloma in remission.', 'C90.01'],
    ['Acute myeloid leukemia.', 'C92.00'],
    ['Chronic lymphocytic leukemia.', 'C91.10'],
    ['CLL.', 'C91.10'],
  ])('%s -> %s', (dx, code) => {
    expect(shown(`ASSESSMENT: ${dx}`)[0]).toBe(code);
  });
});

describe.skipIf(!present)('one cancer word names one primary (I.C.2)', () => {
  it('"lung carcinoma with left malignant pleural effusion": the lung primary and J91.0, no pleural primary', () => {
    const codes = shown(
      'DISCHARGE DIAGNOSES: 1. Advanced non-small cell lung carcinoma with left malignant pleural effusion.',
    );
    expect(codes).toEqual(expect.arrayContaining(['J91.0']));
    expect(codes.some((c) => c.startsWith('C34'))).toBe(true);
    expect(codes).not.toContain('C38.4');
  });

  it('the spread after "with" stays the secondary reading', () => {
    const codes = shown('ASSESSMENT: Prostate cancer with metastatic disease to his bladder.');
    expect(codes).toEqual(expect.arrayContaining(['C61', 'C79.11']));
  });
});

describe.skipIf(!present)('a recent cancer is current, not a history code', () => {
  it('"History of recent adenocarcinoma of the duodenum" is C17.0, not Z85.068', () => {
    const codes = shown(
      'HPI: History of recent adenocarcinoma of the duodenum.\nASSESSMENT: Inoperable malignancy. Atrial fibrillation.',
    );
    expect(codes).toContain('C17.0');
    expect(codes.some((c) => c.startsWith('Z85'))).toBe(false);
  });

  it('"History of adenocarcinoma of the duodenum, resected" stays a history', () => {
    const codes = shown(
      'HPI: History of adenocarcinoma of the duodenum, resected in 2001.\nASSESSMENT: Atrial fibrillation.',
    );
    expect(codes).not.toContain('C17.0');
  });
});

describe.skipIf(!present)("a child's title read after its parent's words (plural or not)", () => {
  it('"tumor" is a neoplasm of unspecified behavior of unspecified site, not of the breast', () => {
    const codes = shown('ASSESSMENT: Tumor is being tested.');
    expect(codes).not.toContain('D49.3');
  });
});

describe.skipIf(!present)('sites the Neoplasm Table names by the noun, written as adjectives', () => {
  it.each([
    ['Stage IIIC endometrial cancer.', 'C54.1'],
    ['Vulvar cancer.', 'C51.9'],
    ['Vaginal cancer.', 'C52'],
    ['Nasopharyngeal carcinoma.', 'C11.9'],
    ['Cervical cancer.', 'C53.9'],
  ])('%s -> %s', (text, code) => {
    expect(shown(`ASSESSMENT: ${text}`)).toContain(code);
  });

  it('a carcinoma in situ of the cervix is not also invasive', () => {
    const codes = shown('PREOPERATIVE DIAGNOSIS: Cervical carcinoma in situ.');
    expect(codes).toContain('D06.9');
    expect(codes).not.toContain('C53.9');
  });
});
