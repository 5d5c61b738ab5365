/**
 * Text fixtures as the OCR extractor would give them: a cell written `?0@0.57` stands for a cell
 * the recogniser was unsure of — no text, the reading kept beside it (GridCell.unsure) and an
 * `ocr.uncertain` warning at its box. Interpreted, before confirmation.
 */
import type { Document } from '../../schemas/document.js';
import { extractText } from '../../extractors/text/index.js';
import { interpretDocument } from '../../src/interpret/document.js';
import { sha256 } from '../../src/pipeline.js';
import { confirmReadings } from '../../src/confirm/confirm-readings.js';
import { tsv } from '../helpers.js';

const UNSURE = /^\?(.+)@([\d.]+)$/;

/** The fixture as the OCR extractor would give it, interpreted, before confirmation. */
export function unconfirmed(text: string): Document {
  const bytes = new TextEncoder().encode(text);
  const ir = extractText({ path: 'scan.pdf', name: 'scan.pdf', bytes, sha256: sha256(bytes) });
  let y = 0;
  for (const b of ir.blocks) {
    if (b.type !== 'grid') continue;
    for (const row of b.rows) {
      y += 20;
      row.cells.forEach((cell, x) => {
        const m = UNSURE.exec(cell.text);
        if (!m) return;
        const bbox = { x0: x * 60, y0: y, x1: x * 60 + 50, y1: y + 15 };
        Object.assign(cell, { text: '', page: 1, bbox, unsure: { text: m[1], ocr: Number(m[2]) } });
        ir.diagnostics.push({ severity: 'warning', code: 'ocr.uncertain', message: `page 1: "${m[1]}" … the cell is not read`, page: 1, bbox });
      });
    }
  }
  return interpretDocument(ir);
}


export const read = (text: string): Document => confirmReadings(unconfirmed(text));

/** The ocr.* diagnostics of a document, as `severity code`. */
export const codes = (doc: Document): string[] => doc.diagnostics.filter((d) => d.code.startsWith('ocr.')).map((d) => `${d.severity} ${d.code}`);

/** A 支出总表 in 万元: code, name, 合计, 基本支出, 项目支出. */
export const table = (...rows: string[][]): string =>
  `## 2024年预算支出总表\n\n部门名称：测试局\n\n单位：万元\n\n${tsv(['项目', '', '2024年预算数', '', ''], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...rows)}\n`;
