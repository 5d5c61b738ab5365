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

/**
 * A 项目支出绩效目标表 with its funds: `impl` and `annual` are [资金总额, then one figure per source
 * named in `sources`], the first source printed as 其中：….
 */
export const fundsForm = (sources: readonly string[], impl: readonly string[], annual: readonly string[]): string =>
  `忻州市市级预算部门（单位）项目支出绩效目标表\n\n(2024年度)\n\n${tsv(
    ['项目名称', '', '安保人员及委托业务经费', '', '', '', '', ''],
    ['主管部门及代码', '', '113-忻州市信访局', '', '实施单位', '', '忻州市信访局', ''],
    ['项目资金（元）', '实施期资金总额：', impl[0], '', '年度资金总额：', annual[0], '', ''],
    ...sources.map((s, i) => {
      const label = i === 0 ? `其中：${s}` : s;
      return ['', label, impl[i + 1], '', label, annual[i + 1], '', ''];
    }),
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
    ['', '产出指标', '数量指标', '安保人员', '10人', '数量指标', '安保人员', '10人'],
  )}\n`;
