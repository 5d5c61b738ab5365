/**
 * Grey rasters as plain data, and the pure functions OCR needs on them: a threshold, the skew of
 * the page, the ruling lines of its tables. No image library here: these are a few loops over a
 * Uint8Array, and keeping them pure makes each one testable on a synthetic picture.
 */

/** 8-bit grey, row-major, 0 = black. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A ruling line found in the raster, in pixels; `thick` is its stroke width. */
export interface RasterRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  thick: number;
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(g: Gray): number {
  // whole counts: an Int32 histogram gives the same sums as a Float64 one, and fills faster
  const hist = new Int32Array(256);
  const d = g.data;
  for (let i = 0; i < d.length; i++) hist[d[i]]++;
  const total = g.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let bestT = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      bestT = t;
    }
  }
  return bestT;
}

/** 1 where the pixel is ink. */
export function binarize(g: Gray, threshold = otsuThreshold(g)): Uint8Array {
  // a table of the 256 grey levels: one load a pixel instead of a comparison and a branch
  const level = new Uint8Array(256);
  level.fill(1, 0, Math.max(0, Math.min(256, Math.floor(threshold) + 1)));
  const d = g.data;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = level[d[i]];
  return out;
}

/**
 * Skew in degrees (positive: the content is turned clockwise on the page), by the projection
 * profile: rotating the ink rows by the right angle makes them sharpest (the sum of squared row
 * counts is largest). Table rules and text lines both vote. Searched in ±maxDeg: first every
 * `coarseDeg`, then every `stepDeg` around the best coarse angle (the score rises smoothly to its
 * peak over a few tenths of a degree, so the coarse search lands beside it; a third of the work of
 * trying every step).
 * The coarse search scores every `coarseSample`-th ink pixel only (its profile has the same shape,
 * at a quarter of the work), and the two coarse angles it ranks first are scored again on every
 * pixel: the better of those is the coarse angle a search on every pixel finds, unless that one
 * ranked third or lower on the sample (docs/ocr.md, "Sixth round": the same angle on every page
 * measured).
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number, maxDeg = 2, stepDeg = 0.05, coarseDeg = 0.25, coarseSample = 4): number {
  // a sample of ink pixels keeps this fast on a full page
  // Every pixel row is kept and only columns are skipped: rows skipped by a stride would leave
  // the ink on every stride-th row only, and at angle 0 those rows fall into every stride-th bin
  // of the projection, a score `stride` times too high for 0° that beat the true angle on a
  // sparse page of thin rules (江苏省人大 2019, A3: 0.3° measured as 0, so no rule was found).
  // The columns are skipped by stride² to keep the sample's size.
  const stride = Math.max(1, Math.floor((width * height) / 2_000_000)) ** 2;
  const { xs, ys, count } = inkPositions(ink, width, height, stride);
  if (count < 100) return 0;
  // counts are whole numbers, and their squares' sum stays far below 2^53: the same score as Float64 bins
  const bins = new Int32Array(height + 2 * Math.ceil(width * Math.tan((maxDeg * Math.PI) / 180)) + 4);
  const offset = (bins.length - height) / 2;
  const score = (a: number, every: number) => profileScore(xs, ys, count, every, Math.tan((a * Math.PI) / 180), bins, offset);
  const full = new Map<number, number>();
  const scoreAll = (a: number) => {
    let sc = full.get(a);
    if (sc === undefined) full.set(a, (sc = score(a, 1)));
    return sc;
  };
  const angles = (from: number, to: number, step: number) => {
    const out: number[] = [];
    for (let i = 0; from + i * step <= to + 1e-9; i++) out.push(Math.round((from + i * step) * 1000) / 1000);
    return out;
  };
  // the best of `list` on every pixel (the first of equals, as a scan from -maxDeg finds it)
  const best = (list: readonly number[]) => list.reduce((b, a) => (scoreAll(a) > scoreAll(b) ? a : b));
  const coarseAngles = angles(-maxDeg, maxDeg, coarseDeg);
  const sampled = coarseAngles.map((a) => ({ a, sc: score(a, coarseSample) }));
  // the two best on the sample, in angle order (a stable sort keeps the first of equals first)
  const top = [...sampled].sort((p, q) => q.sc - p.sc).slice(0, 2).map((p) => p.a).sort((p, q) => p - q);
  const coarse = best(top);
  const fine = best(angles(Math.max(-maxDeg, coarse - coarseDeg), Math.min(maxDeg, coarse + coarseDeg), stepDeg));
  return Math.round(fine * 100) / 100;
}

/**
 * The positions of the ink pixels in every `stride`-th column, row by row, in one pass: whole
 * positions, which Int32 holds exactly (the skew's arithmetic on them is the same as on Float64).
 * On a page read in full (stride 1), four pixels are tested at once: most of a page is paper.
 */
function inkPositions(ink: Uint8Array, width: number, height: number, stride: number): { xs: Int32Array; ys: Int32Array; count: number } {
  let xs = new Int32Array(1 << 16);
  let ys = new Int32Array(1 << 16);
  let count = 0;
  const add = (x: number, y: number) => {
    if (count === xs.length) {
      const grown = [new Int32Array(2 * count), new Int32Array(2 * count)];
      grown[0].set(xs);
      grown[1].set(ys);
      [xs, ys] = grown;
    }
    xs[count] = x;
    ys[count++] = y;
  };
  if (stride === 1 && ink.byteOffset % 4 === 0) {
    const words = new Uint32Array(ink.buffer, ink.byteOffset, ink.length >> 2);
    for (let w = 0; w < words.length; w++) {
      if (words[w] === 0) continue;
      for (let i = 4 * w; i < 4 * w + 4; i++) if (ink[i]) add(i % width, (i / width) | 0);
    }
    for (let i = 4 * words.length; i < ink.length; i++) if (ink[i]) add(i % width, (i / width) | 0);
    return { xs, ys, count };
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x += stride) if (ink[row + x]) add(x, y);
  }
  return { xs, ys, count };
}

/**
 * The sum of squared counts of the ink pixels' rows (every `every`-th pixel) once turned by the
 * angle whose tangent is `t` (estimateSkew). A function of its own, on typed arrays only, so that
 * the engine compiles the loop once for every call.
 */
function profileScore(xs: Int32Array, ys: Int32Array, count: number, every: number, t: number, bins: Int32Array, offset: number): number {
  bins.fill(0);
  // positive positions: floor(v + 0.5) by truncation is Math.round(v)
  for (let i = 0; i < count; i += every) bins[(ys[i] - xs[i] * t + offset + 0.5) | 0]++;
  let sum = 0;
  for (let i = 0; i < bins.length; i++) sum += bins[i] * bins[i];
  return sum;
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/**
 * The ink runs at least `minLen` long of every pixel row (horizontal) or column (vertical),
 * bridging gaps up to `gap` pixels, listed by row or column. A run that ends within `gap` of the
 * far edge of the page is not closed and not kept (as the scan always did). Columns are walked in
 * row order, each column keeping its own open run: the page is read the way it lies in memory,
 * not a column at a time across every row (several times slower on a page-sized raster).
 */
function longRuns(ink: Uint8Array, width: number, height: number, horizontal: boolean, minLen: number, gap: number): Run[][] {
  const lines = horizontal ? height : width;
  const out: Run[][] = Array.from({ length: lines }, () => []);
  if (horizontal) {
    for (let y = 0; y < height; y++) {
      const row = y * width;
      let start = -1;
      let lastInk = -1;
      for (let x = 0; x < width; x++) {
        if (ink[row + x] === 1) {
          if (start < 0) start = x;
          lastInk = x;
        } else if (start >= 0 && x - lastInk > gap) {
          if (lastInk - start + 1 >= minLen) out[y].push({ at: y, from: start, to: lastInk });
          start = -1;
        }
      }
      if (start >= 0 && width - lastInk > gap && lastInk - start + 1 >= minLen) out[y].push({ at: y, from: start, to: lastInk });
    }
    return out;
  }
  const start = new Int32Array(width).fill(-1);
  const lastInk = new Int32Array(width).fill(-1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (ink[row + x] === 1) {
        if (start[x] < 0) start[x] = y;
        lastInk[x] = y;
      } else if (start[x] >= 0 && y - lastInk[x] > gap) {
        if (lastInk[x] - start[x] + 1 >= minLen) out[x].push({ at: x, from: start[x], to: lastInk[x] });
        start[x] = -1;
      }
    }
  }
  for (let x = 0; x < width; x++) {
    if (start[x] >= 0 && height - lastInk[x] > gap && lastInk[x] - start[x] + 1 >= minLen) out[x].push({ at: x, from: start[x], to: lastInk[x] });
  }
  return out;
}

/**
 * Long straight ink runs: in each pixel row (horizontal) or column (vertical), runs of ink at
 * least `minLen` long, bridging gaps up to `gap` pixels (noise and JPEG break thin lines); runs on
 * neighbouring rows that overlap are one rule. Text is made of short runs, so it does not qualify.
 */
export function findRules(ink: Uint8Array, width: number, height: number, minLen: number, maxThick: number, gap = 3, verticalOnly = false): RasterRule[] {
  const horizontal = verticalOnly ? [] : mergeRuns(longRuns(ink, width, height, true, minLen, gap), true, maxThick);
  return [...horizontal, ...mergeRuns(longRuns(ink, width, height, false, minLen, gap), false, maxThick)];
}

/**
 * findRules at `minLen`, and the vertical rules at a shorter `shortLen` besides (cell-walls.ts),
 * from one walk of the page's columns: a run does not depend on the length asked for, so the runs
 * at least `minLen` long of the walk at `shortLen` are the runs of a walk at `minLen`.
 */
export function findRulesAndShortVerticals(
  ink: Uint8Array,
  width: number,
  height: number,
  minLen: number,
  shortLen: number,
  maxThick: number,
  gap = 3,
): { rules: RasterRule[]; shortVerticals: RasterRule[] } {
  const columns = longRuns(ink, width, height, false, Math.min(minLen, shortLen), gap);
  const long = columns.map((runs) => runs.filter((r) => r.to - r.from + 1 >= minLen));
  const rules = [...mergeRuns(longRuns(ink, width, height, true, minLen, gap), true, maxThick), ...mergeRuns(long, false, maxThick)];
  return { rules, shortVerticals: mergeRuns(columns, false, maxThick) };
}

/** The runs of neighbouring rows (columns) that overlap, joined into rules no thicker than `maxThick`. */
function mergeRuns(byLine: readonly Run[][], horizontal: boolean, maxThick: number): RasterRule[] {
  const rules: RasterRule[] = [];
  let open: { rule: Run; first: number; last: number }[] = [];
  const closed: { rule: Run; first: number; last: number }[] = [];
  for (let line = 0; line < byLine.length; line++) {
    const runs = byLine[line];
    const next: typeof open = [];
    for (const r of runs) {
      const o = open.find((c) => c.last === line - 1 && r.from <= c.rule.to && r.to >= c.rule.from);
      if (o) {
        o.rule = { at: o.rule.at, from: Math.min(o.rule.from, r.from), to: Math.max(o.rule.to, r.to) };
        o.last = line;
        next.push(o);
      } else next.push({ rule: r, first: line, last: line });
    }
    for (const c of open) if (!next.includes(c)) closed.push(c);
    open = next;
  }
  closed.push(...open);
  for (const c of closed) {
    const thick = c.last - c.first + 1;
    if (thick > maxThick) continue;
    const mid = (c.first + c.last) / 2;
    rules.push(horizontal ? { x0: c.rule.from, x1: c.rule.to, y0: mid, y1: mid, thick } : { x0: mid, x1: mid, y0: c.rule.from, y1: c.rule.to, thick });
  }
  return rules;
}

/** The pixel rectangles a rule covers (with `margin` pixels around its stroke), clipped to the page. */
function ruleRects(width: number, height: number, rules: readonly RasterRule[], margin: number): [number, number, number, number][] {
  return rules.map((r) => {
    const half = r.thick / 2 + margin;
    const x0 = Math.max(0, Math.floor(Math.min(r.x0, r.x1) - (r.x0 === r.x1 ? half : 0)));
    const x1 = Math.min(width - 1, Math.ceil(Math.max(r.x0, r.x1) + (r.x0 === r.x1 ? half : 0)));
    const y0 = Math.max(0, Math.floor(Math.min(r.y0, r.y1) - (r.y0 === r.y1 ? half : 0)));
    const y1 = Math.min(height - 1, Math.ceil(Math.max(r.y0, r.y1) + (r.y0 === r.y1 ? half : 0)));
    return [x0, y0, x1, y1];
  });
}

/** Paints rules white (with a pixel of margin), so that no rule is read as a 1 or an l. */
export function eraseRules(g: Gray, rules: readonly RasterRule[], margin = 2): Gray {
  const data = g.data.slice();
  for (const [x0, y0, x1, y1] of ruleRects(g.width, g.height, rules, margin)) {
    for (let y = y0; y <= y1; y++) data.fill(255, y * g.width + x0, y * g.width + x1 + 1);
  }
  return { width: g.width, height: g.height, data };
}

/** The same for binarised ink (1 = ink): what eraseRules paints white is no ink. */
export function eraseRulesInk(ink: Uint8Array, width: number, height: number, rules: readonly RasterRule[], margin = 2): Uint8Array {
  const out = ink.slice();
  for (const [x0, y0, x1, y1] of ruleRects(width, height, rules, margin)) {
    for (let y = y0; y <= y1; y++) out.fill(0, y * width + x0, y * width + x1 + 1);
  }
  return out;
}

/** Rotates about the centre by `deg` (bilinear, white outside): undoes a measured skew. */
export function rotate(g: Gray, deg: number): Gray {
  if (deg === 0) return g;
  const { width: w, height: h } = g;
  const d = g.data;
  const out = new Uint8Array(w * h);
  const a = (deg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    // the row's share of the source position, once a row (the same arithmetic, so the same pixels)
    const dy = y - cy;
    const sdy = s * dy;
    const cdy = c * dy;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      // the source pixel that lands on (x, y)
      const dx = x - cx;
      const sx = c * dx - sdy + cx;
      const sy = s * dx + cdy + cy;
      // a negative position is outside; past that, truncation is Math.floor and much cheaper
      if (sx < 0 || sy < 0) {
        out[row + x] = 255;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      if (x0 + 1 >= w || y0 + 1 >= h) {
        out[row + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      // + 0.5 and the Uint8Array's truncation round as Math.round does on 0..255
      out[row + x] = (d[i] * (1 - fx) + d[i + 1] * fx) * (1 - fy) + (d[i + w] * (1 - fx) + d[i + w + 1] * fx) * fy + 0.5;
    }
  }
  return { width: w, height: h, data: out };
}

/** Bilinear resize of a region of `g` (x, y, w, h in pixels) to outW × outH. */
export function resizeRegion(g: Gray, x: number, y: number, w: number, h: number, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH);
  const sx = w / outW;
  const sy = h / outH;
  const d = g.data;
  // each output column's source columns and weight, worked out once and not again on every row
  const xa = new Int32Array(outW);
  const xb = new Int32Array(outW);
  const wx = new Float64Array(outW);
  for (let ox = 0; ox < outW; ox++) {
    const fx0 = x + (ox + 0.5) * sx - 0.5;
    const x0 = Math.max(0, Math.min(g.width - 1, Math.floor(fx0)));
    xa[ox] = x0;
    xb[ox] = Math.min(g.width - 1, x0 + 1);
    wx[ox] = Math.max(0, Math.min(1, fx0 - x0));
  }
  for (let oy = 0; oy < outH; oy++) {
    const fy0 = y + (oy + 0.5) * sy - 0.5;
    const y0 = Math.max(0, Math.min(g.height - 1, Math.floor(fy0)));
    const y1 = Math.min(g.height - 1, y0 + 1);
    const fy = Math.max(0, Math.min(1, fy0 - y0));
    const r0 = y0 * g.width;
    const r1 = y1 * g.width;
    const o = oy * outW;
    for (let ox = 0; ox < outW; ox++) {
      const fx = wx[ox];
      const top = d[r0 + xa[ox]] * (1 - fx) + d[r0 + xb[ox]] * fx;
      const bot = d[r1 + xa[ox]] * (1 - fx) + d[r1 + xb[ox]] * fx;
      out[o + ox] = top * (1 - fy) + bot * fy;
    }
  }
  return out;
}
