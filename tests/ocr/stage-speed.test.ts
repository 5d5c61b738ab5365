/**
 * The faster forms of the OCR path's steps outside the models give what the plain forms gave
 * (docs/ocr.md, "Sixth round"): each is checked here against a plain reference written out in
 * the test — the skew searched on every pixel, the CTC step searched over every class, the
 * threshold compared pixel by pixel.
 */
import { describe, expect, it } from 'vitest';
import { ctcDecode } from '../../extractors/ocr/paddle.js';
import { binarize, estimateSkew, otsuThreshold, rotate, type Gray } from '../../extractors/ocr/raster.js';

/** The skew search as it was: every coarse angle and every fine angle scored on every ink pixel. */
function skewOnEveryPixel(ink: Uint8Array, width: number, height: number, maxDeg = 2, stepDeg = 0.05, coarseDeg = 0.25): number {
  const stride = Math.max(1, Math.floor((width * height) / 2_000_000)) ** 2;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x += stride) if (ink[y * width + x]) xs.push(x), ys.push(y);
  if (xs.length < 100) return 0;
  const bins = new Float64Array(height + 2 * Math.ceil(width * Math.tan((maxDeg * Math.PI) / 180)) + 4);
  const offset = (bins.length - height) / 2;
  const score = (a: number) => {
    const t = Math.tan((a * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) bins[Math.round(ys[i] - xs[i] * t + offset)]++;
    return bins.reduce((s, b) => s + b * b, 0);
  };
  const best = (from: number, to: number, step: number) => {
    let bestScore = -1;
    let bestAngle = 0;
    for (let i = 0; from + i * step <= to + 1e-9; i++) {
      const a = Math.round((from + i * step) * 1000) / 1000;
      const sc = score(a);
      if (sc > bestScore) [bestScore, bestAngle] = [sc, a];
    }
    return bestAngle;
  };
  const coarse = best(-maxDeg, maxDeg, coarseDeg);
  return Math.round(best(Math.max(-maxDeg, coarse - coarseDeg), Math.min(maxDeg, coarse + coarseDeg), stepDeg) * 100) / 100;
}

/** A page of ruled rows with short words in them, and speckle, from a seed. */
function page(width: number, height: number, seed: number): Gray {
  const g: Gray = { width, height, data: new Uint8Array(width * height).fill(235) };
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let y = 60; y < height - 60; y += 45) {
    g.data.fill(30, y * width + 40, y * width + width - 41);
    for (let w = 0; w < 6; w++) {
      const x0 = 60 + Math.floor(rand() * (width - 200));
      for (let dy = 12; dy < 32; dy++) for (let dx = 0; dx < 60; dx += 4) g.data[(y + dy) * width + x0 + dx] = 40;
    }
  }
  for (let i = 0; i < width * height * 0.002; i++) g.data[Math.floor(rand() * g.data.length)] = 60;
  return g;
}

describe('the OCR path outside the models, faster and the same', () => {
  it('measures the same skew as the search on every pixel, on pages turned by many angles', () => {
    for (const [seed, width, height] of [[3, 827, 1170], [11, 1170, 827], [29, 1654, 2339]]) {
      const g = page(width, height, seed);
      for (const deg of [-1.9, -1.1, -0.6, -0.125, 0, 0.07, 0.125, 0.38, 0.875, 1.63]) {
        const ink = binarize(rotate(g, deg));
        expect(estimateSkew(ink, width, height)).toBe(skewOnEveryPixel(ink, width, height));
      }
    }
    // a page too large to be read in full (every third column's ink, A3 at 200 dpi): the same
    const a3 = page(3309, 2339, 5);
    for (const deg of [-0.4, 0.3]) {
      const ink = binarize(rotate(a3, deg));
      expect(estimateSkew(ink, a3.width, a3.height)).toBe(skewOnEveryPixel(ink, a3.width, a3.height));
    }
  });

  it('thresholds every pixel as a comparison with the level would', () => {
    const g: Gray = { width: 257, height: 3, data: Uint8Array.from({ length: 771 }, (_, i) => (i * 37) % 256) };
    for (const t of [otsuThreshold(g), -1, 0, 127.5, 128, 254, 255, 300]) expect(binarize(g, t)).toEqual(Uint8Array.from(g.data, (v) => (v <= t ? 1 : 0)));
  });

  it('decodes CTC output as the search over every class did', () => {
    // softmax steps over 50 classes: sure blanks, sure characters, and unsure steps with close runners-up
    let seed = 17;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const classes = 50;
    const dict = Array.from({ length: classes }, (_, i) => (i ? String.fromCodePoint(0x4e00 + i) : ''));
    const steps = 400;
    const data = new Float32Array(steps * classes);
    for (let t = 0; t < steps; t++) {
      const logits = Array.from({ length: classes }, () => rand() * 4);
      logits[rand() < 0.6 ? 0 : 1 + Math.floor(rand() * (classes - 1))] += rand() * 12;
      const sum = logits.reduce((s, l) => s + Math.exp(l), 0);
      logits.forEach((l, c) => (data[t * classes + c] = Math.exp(l) / sum));
    }
    /** greedy CTC with every class of every step searched */
    const plain = (nAlts: number) => {
      let text = '';
      const probs: number[] = [];
      const alts: { ch: string; p: number }[][] = [];
      let prev = -1;
      for (let t = 0; t < steps; t++) {
        const row = Array.from(data.subarray(t * classes, (t + 1) * classes));
        const best = row.indexOf(Math.max(...row));
        const p = row[best];
        const fresh = best !== 0 && best !== prev;
        if (fresh || (best !== 0 && best === prev && p > probs[probs.length - 1])) {
          const top = row
            .map((q, c) => ({ ch: dict[c], p: q, c }))
            .filter((x) => x.c !== best)
            .sort((a, b) => b.p - a.p || a.c - b.c)
            .slice(0, nAlts)
            .map(({ ch, p: q }) => ({ ch, p: q }));
          if (fresh) text += dict[best];
          if (fresh) probs.push(p), alts.push(top);
          else (probs[probs.length - 1] = p), (alts[alts.length - 1] = top);
        }
        prev = best;
      }
      return { text, probs, alts };
    };
    for (const nAlts of [1, 2, 3]) expect(ctcDecode(data, 0, steps, classes, dict, nAlts)).toEqual(plain(nAlts));
    // scores that are not probabilities (a model without its softmax): every class searched, as before
    const before = plain(2);
    for (let i = 0; i < data.length; i++) data[i] = 2 * data[i] + 0.7;
    const scaled = plain(2);
    expect(ctcDecode(data, 0, steps, classes, dict)).toEqual(scaled);
    expect(scaled.text).toBe(before.text);
  });
});
