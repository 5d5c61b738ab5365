/** The pure parts of the OCR path on synthetic pictures: rules, skew, punctuation, box cutting, CTC. */
import { describe, expect, it } from 'vitest';
import { ctcDecode } from '../../extractors/ocr/paddle.js';
import { splitAtRules } from '../../extractors/ocr/ocr-page.js';
import { fixOcrPunctuation } from '../../extractors/ocr/ocr-text.js';
import { binarize, eraseRules, eraseRulesInk, estimateSkew, findRules, findRulesAndShortVerticals, otsuThreshold, rotate, type Gray } from '../../extractors/ocr/raster.js';

function blank(width: number, height: number): Gray {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}
function hline(g: Gray, y: number, x0: number, x1: number, thick = 2) {
  for (let t = 0; t < thick; t++) g.data.fill(0, (y + t) * g.width + x0, (y + t) * g.width + x1);
}
function vline(g: Gray, x: number, y0: number, y1: number, thick = 2) {
  for (let y = y0; y < y1; y++) for (let t = 0; t < thick; t++) g.data[y * g.width + x + t] = 0;
}
/** a 3 × 4 ruled table with a few "characters" (short blobs) in its cells */
function table(): Gray {
  const g = blank(600, 400);
  for (const y of [50, 120, 190, 260]) hline(g, y, 50, 551);
  for (const x of [50, 250, 400, 550]) vline(g, x, 50, 262);
  for (const [x, y] of [[70, 80], [90, 80], [270, 150], [420, 220]]) for (let dy = 0; dy < 14; dy++) g.data.fill(0, (y + dy) * 600 + x, (y + dy) * 600 + x + 10);
  return g;
}

describe('raster', () => {
  it('finds the ruling lines of a table and none in its text', () => {
    const g = table();
    const rules = findRules(binarize(g), g.width, g.height, 80, 6);
    expect(rules.filter((r) => r.y0 === r.y1)).toHaveLength(4);
    expect(rules.filter((r) => r.x0 === r.x1)).toHaveLength(4);
    const cleaned = eraseRules(g, rules);
    // rules gone, the characters kept
    expect(findRules(binarize(cleaned, 128), g.width, g.height, 80, 6)).toHaveLength(0);
    expect(cleaned.data[85 * 600 + 75]).toBe(0);
    // the binarised page with its rules cleared is the cleaned page binarised (ocr-page.ts needs no third threshold)
    expect(eraseRulesInk(binarize(g), g.width, g.height, rules)).toEqual(binarize(cleaned, 128));
  });

  it('finds the same rules in a picture and in its transpose (rows and columns are walked alike)', () => {
    const g = table();
    const t = blank(g.height, g.width);
    for (let y = 0; y < g.height; y++) for (let x = 0; x < g.width; x++) t.data[x * t.width + y] = g.data[y * g.width + x];
    const swap = (r: { x0: number; y0: number; x1: number; y1: number; thick: number }) => ({ x0: r.y0, y0: r.x0, x1: r.y1, y1: r.x1, thick: r.thick });
    const key = (r: { x0: number; y0: number }) => `${r.x0},${r.y0}`;
    const sorted = <T extends { x0: number; y0: number }>(rs: T[]) => [...rs].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(findRules(binarize(t), t.width, t.height, 80, 6).map(swap))).toEqual(sorted(findRules(binarize(g), g.width, g.height, 80, 6)));
    // a run broken by gaps of up to 3 pixels is one rule; a run that ends within the gap of the page's edge is not closed, so not kept
    const d = blank(200, 20);
    for (const [x0, x1] of [[10, 60], [63, 120]]) d.data.fill(0, 5 * 200 + x0, 5 * 200 + x1);
    d.data.fill(0, 12 * 200 + 100, 12 * 200 + 198);
    expect(findRules(binarize(d, 128), d.width, d.height, 80, 6).map((r) => [r.x0, r.x1, r.y0])).toEqual([[10, 119, 5]]);
  });

  it('finds the rules and the short vertical runs in one walk as two calls of findRules would', () => {
    // random ink: runs of every length, neighbouring columns overlapping, gaps of every size
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const g = table();
    for (let i = 0; i < 400; i++) vline(g, Math.floor(rand() * 590), Math.floor(rand() * 300), Math.floor(rand() * 300) + 20 + Math.floor(rand() * 80), 1 + Math.floor(rand() * 3));
    for (let i = 0; i < 3000; i++) g.data[Math.floor(rand() * g.data.length)] = 0;
    const ink = binarize(g);
    const { rules, shortVerticals } = findRulesAndShortVerticals(ink, g.width, g.height, 80, 20, 6);
    expect(rules).toEqual(findRules(ink, g.width, g.height, 80, 6));
    expect(shortVerticals).toEqual(findRules(ink, g.width, g.height, 20, 6, 3, true));
    expect(shortVerticals.length).toBeGreaterThan(rules.filter((r) => r.x0 === r.x1).length);
  });

  it('measures a small skew and undoes it', () => {
    const g = table();
    for (const deg of [0.6, -0.6, 1]) {
      const turned = rotate(g, -deg);
      const skew = estimateSkew(binarize(turned), g.width, g.height);
      expect(Math.abs(skew - deg)).toBeLessThanOrEqual(0.1);
      const back = rotate(turned, skew);
      expect(findRules(binarize(back), g.width, g.height, 80, 6).filter((r) => r.y0 === r.y1).length).toBe(4);
    }
  });

  it('measures the skew of a large, sparse page of thin rules (regression: 江苏省人大 2019, A3 at 200 dpi)', () => {
    // A3 landscape at 200 dpi: large enough that the skew is measured on a sample of the ink. A
    // sample that skipped pixel rows scored 0° too high (every kept row in every third bin), so
    // this page measured 0 instead of 0.3 and none of its one-pixel rules was found.
    const g = blank(3309, 2339);
    for (let i = 0; i < 27; i++) hline(g, 380 + 67 * i, 117, 1430, 1);
    for (const x of [117, 540, 930, 1430]) vline(g, x, 380, 2122, 1);
    // a few words of upright strokes in each row
    for (let i = 0; i < 26; i++) {
      for (const x0 of [130, 560, 1300]) for (let c = 0; c < 5; c++) for (let dy = 0; dy < 20; dy++) for (let dx = 0; dx < 16; dx += 3) g.data[(400 + 67 * i + dy) * g.width + x0 + c * 22 + dx] = 0;
    }
    for (const deg of [0.3, -0.4]) expect(estimateSkew(binarize(rotate(g, -deg)), g.width, g.height)).toBeCloseTo(deg, 1);
  });

  it('separates ink from paper', () => {
    // grey ink (20–40) on grey paper (200–240), as a scan gives
    const g = blank(100, 100);
    for (let i = 0; i < g.data.length; i++) g.data[i] = i % 7 === 0 ? 20 + (i % 21) : 200 + (i % 41);
    const t = otsuThreshold(g);
    expect(t).toBeGreaterThanOrEqual(34);
    expect(t).toBeLessThan(200);
    expect(binarize(g).reduce((n, v) => n + v, 0)).toBe(Math.ceil(g.data.length / 7));
  });
});

describe('OCR text', () => {
  it('gives Chinese text its full-width punctuation and leaves numbers alone', () => {
    expect(fixOcrPunctuation('党委办公厅(室)及相关机构事务')).toBe('党委办公厅（室）及相关机构事务');
    expect(fixOcrPunctuation('1,633,000.00')).toBe('1,633,000.00');
    expect(fixOcrPunctuation('合计:1,633')).toBe('合计：1,633');
    expect(fixOcrPunctuation('(1)')).toBe('(1)');
    expect(fixOcrPunctuation('2024年财政拨款安排“三公"经费支出预算表')).toBe('2024年财政拨款安排“三公”经费支出预算表');
    // the lone stroke 一 the detector left out
    expect(fixOcrPunctuation('般公共预算')).toBe('一般公共预算');
  });

  it('cuts a box at each vertical rule through its middle', () => {
    const rules = [{ x0: 100, x1: 100, y0: 0, y1: 200, thick: 2 }, { x0: 300, x1: 300, y0: 500, y1: 600, thick: 2 }];
    const parts = splitAtRules({ x0: 20, y0: 40, x1: 180, y1: 60, score: 1 }, rules);
    expect(parts.map((p) => [p.x0, p.x1])).toEqual([[20, 98], [102, 180]]);
    // a rule that does not reach the box's row leaves it whole
    expect(splitAtRules({ x0: 250, y0: 40, x1: 350, y1: 60, score: 1 }, rules)).toHaveLength(1);
  });

  it('decodes CTC output keeping each character probability', () => {
    // classes: 0 blank, 1 '1', 2 '2'; steps: 1 1 blank 1 2
    const steps = [
      [0.1, 0.8, 0.1],
      [0.1, 0.9, 0.0],
      [0.9, 0.05, 0.05],
      [0.2, 0.7, 0.1],
      [0.1, 0.2, 0.7],
    ];
    const r = ctcDecode(Float32Array.from(steps.flat()), 0, 5, 3, ['', '1', '2']);
    expect(r.text).toBe('112');
    expect(r.probs.map((p) => Math.round(p * 100) / 100)).toEqual([0.9, 0.7, 0.7]);
  });
});

describe('reading against the budget vocabulary', () => {
  const sure = (s: string) => Array.from(s).map(() => 0.99);
  const none = (s: string) => Array.from(s).map(() => [] as { ch: string; p: number }[]);
  it("takes the recogniser's runner-up when it makes a budget word", async () => {
    const { correctReading } = await import('../../extractors/ocr/ocr-correct.js');
    const text = '安排基木支出';
    const probs = sure(text);
    probs[3] = 0.65;
    const alts = none(text);
    alts[3] = [{ ch: '本', p: 0.3 }, { ch: '术', p: 0.01 }];
    expect(correctReading({ text, probs, alts }).text).toBe('安排基本支出');
    // a sure character is never changed, and digits never are
    expect(correctReading({ text, probs: sure(text), alts }).text).toBe(text);
    const amount = '694.34';
    const ap = sure(amount);
    ap[2] = 0.5;
    const aa = none(amount);
    aa[2] = [{ ch: '9', p: 0.4 }];
    expect(correctReading({ text: amount, probs: ap, alts: aa }).text).toBe(amount);
  });

  it('drops a stray character when nothing printed there makes the word, and a doubled 、', async () => {
    const { correctReading } = await import('../../extractors/ocr/ocr-correct.js');
    const text = '十三、石农林水支出';
    const probs = sure(text);
    probs[3] = 0.5;
    const alts = none(text);
    alts[3] = [{ ch: '', p: 0.45 }];
    expect(correctReading({ text, probs, alts }).text).toBe('十三、农林水支出');
    expect(correctReading({ text: '八、、社会保障和就业支出', probs: sure('八、、社会保障和就业支出'), alts: none('八、、社会保障和就业支出') }).text).toBe('八、社会保障和就业支出');
  });
});
