/**
 * Writes tests/fixtures/clipped-wrap.pdf (run: npx tsx scripts/make-clipped-wrap.ts): a ruled
 * 政府采购预算表 whose header cell 采购组织形式 is too narrow for its text, printed as a spreadsheet
 * prints it (Excel, WPS): wrapped into 采购组织形 / 式, the second line running over the rule into
 * the 合计 row and clipped to the header cell, so that only the top of 式 shows above the rule while
 * the text layer keeps the whole character, its middle in the 合计 row.
 *
 * The text is in STSong-Light (Adobe-GB1, UniGB-UCS2-H), a CJK font every reader has without
 * embedding it, so the file stays a few kilobytes. Positions are PDF points, origin top-left in the
 * tables below and flipped when written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPdf, stream } from './make-bad-samples.js';

const PAGE_H = 842;
const file = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'tests', 'fixtures', 'clipped-wrap.pdf');

/** Column boundaries and row boundaries of the table (the header row 27.4 pt, as printed in the corpus). */
const XS = [40, 170, 320, 400, 520];
const YS = [100, 127.4, 154.3, 181.2, 208.1];

/** Text as UTF-16 code units in hex, which UniGB-UCS2-H maps to CIDs. */
const hex = (s: string) => `<${Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;

/** One line of text with its top-left corner at (x, top) in top-left space (the glyphs stand 0.88 em over the baseline). */
const text = (s: string, x: number, top: number, size: number) => `BT /F1 ${size} Tf ${x.toFixed(2)} ${(PAGE_H - top - 0.88 * size).toFixed(2)} Td ${hex(s)} Tj ET`;

/** A line centred in a column. */
function centred(s: string, col: number, top: number, size: number): string {
  const half = Array.from(s).reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.5), 0) * size;
  return text(s, (XS[col] + XS[col + 1] - half) / 2, top, size);
}

/** A line ending at the right of a column (amounts). */
const right = (s: string, col: number, top: number, size: number) => text(s, XS[col + 1] - 3 - s.length * 0.5 * size, top, size);

export function clippedWrapPdf(): Uint8Array {
  const [x0, x1] = [XS[0], XS[XS.length - 1]];
  const [y0, y1] = [YS[0], YS[YS.length - 1]];
  const ops: string[] = ['0.8 w'];
  for (const y of YS) ops.push(`${x0} ${PAGE_H - y} m ${x1} ${PAGE_H - y} l S`);
  for (const x of XS) ops.push(`${x} ${PAGE_H - y0} m ${x} ${PAGE_H - y1} l S`);
  ops.push(text('2019年政府采购预算表', 150, 40, 20), text('部门：示例单位', 40, 80, 10), text('单位：万元', 470, 80, 10));
  // the header: one line per cell, but 采购组织形式 wraps and its second line is clipped to the cell
  ops.push(centred('采购品目大类', 0, 105, 16), centred('采购物品名称', 1, 105, 16), centred('总计', 3, 105, 16));
  const [cx0, cx1] = [XS[2], XS[3]];
  ops.push('q', `${cx0} ${PAGE_H - YS[1]} ${cx1 - cx0} ${YS[1] - YS[0]} re W n`);
  ops.push(centred('采购组织形', 2, 103.4, 16), centred('式', 2, 103.4 + 19.4, 16), 'Q');
  const body = [
    ['合计', '', '', '100.00'],
    ['一、货物', '台式计算机', '分散自行组织', '60.00'],
    ['二、服务', '会议服务', '政府集中采购', '40.00'],
  ];
  body.forEach((cells, k) => {
    const top = YS[k + 1] + 8;
    cells.forEach((s, c) => {
      if (!s) return;
      if (c === 3) ops.push(right(s, c, top, 10));
      else ops.push(text(s, XS[c] + 3, top, 10));
    });
  });
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 ${PAGE_H}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    stream(ops.join('\n')),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    // CIDs 1–95 (ASCII) half width, the rest square
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500 814 939 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

function main(): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, clippedWrapPdf());
  console.log(`wrote ${file}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
