/**
 * Document identity (organisation, canonical org, year, doc_kind), the dataset columns of
 * facts.csv, the headline figures and the check across years, on fixtures made here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAcrossYears, previousYear, subjectFigure, type YearDoc } from '../../src/dataset/across-years.js';
import { documentFacts } from '../../src/export/facts.js';
import { headlineRows } from '../../src/export/headlines.js';
import { fullDepartmentNames, readTitleLine } from '../../src/interpret/identity.js';
import { canonicalOrg, loadOrgAliases, normalizeOrgName, parseOrgAliases } from '../../src/interpret/org-names.js';
import { splitPeriod } from '../../src/util/period.js';
import { docFromText } from '../helpers.js';

describe('organisation names', () => {
  it('spells the Party, congress and CPPCC names one way', () => {
    expect(normalizeOrgName('中国共产党江苏省委员会办公厅')).toBe('中共江苏省委办公厅');
    expect(normalizeOrgName('江苏省人民代表大会常务委员会办公厅')).toBe('江苏省人大常委会办公厅');
    expect(normalizeOrgName('中国人民政治协商会议江苏省委员会办公厅')).toBe('江苏省政协办公厅');
    expect(normalizeOrgName('上海市普陀区人民政府万里街道办事处（部门）')).toBe('上海市普陀区人民政府万里街道办事处');
  });

  it('applies the project alias table and a user file on top of it', () => {
    const aliases = loadOrgAliases();
    expect(canonicalOrg('江苏省委办公厅', aliases)).toBe('中共江苏省委办公厅');
    expect(canonicalOrg('中国共产党江苏省委员会办公厅', aliases)).toBe('中共江苏省委办公厅');
    expect(canonicalOrg('江苏省人大办公厅', aliases)).toBe('江苏省人大常委会办公厅');
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-alias-'));
    try {
      const f = join(dir, 'mine.csv');
      writeFileSync(f, 'alias,org\n# a comment\n忻州信访局,忻州市信访局\n');
      const mine = loadOrgAliases([f]);
      expect(canonicalOrg('忻州信访局', mine)).toBe('忻州市信访局');
      expect(canonicalOrg('江苏省委办公厅', mine)).toBe('中共江苏省委办公厅');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(parseOrgAliases('\uFEFFalias,org\n"甲局",乙局\n').get('甲局')).toBe('乙局');
  });
});

describe('identity from what the document prints', () => {
  it('reads cover and title lines, and not a collection title', () => {
    expect(readTitleLine('上海市普陀区财政局2024年度部门决算')).toEqual({ organisation: '上海市普陀区财政局', year: 2024, kind: '部门决算' });
    expect(readTitleLine('中共上海市普陀区委社会工作部2024年度部门决算')).toMatchObject({ organisation: '中共上海市普陀区委社会工作部' });
    expect(readTitleLine('2017年度江苏省高级人民法院部门预算公开')).toEqual({ organisation: '江苏省高级人民法院', year: 2017, kind: '部门预算' });
    expect(readTitleLine('2018年度江苏省高级人民法院预算公开2018年2月24日')).toEqual({ organisation: '江苏省高级人民法院', year: 2018, kind: '预算' });
    expect(readTitleLine('上海市普陀区2025年区级单位预算')).toEqual({ year: 2025, kind: '单位预算' });
  });

  it('takes a department line cut short as the full name it starts', () => {
    const m = fullDepartmentNames(['江苏省高级人民法院', '江苏省高级人民法', '江苏省高级人民法院']);
    expect(m.get('江苏省高级人民法')).toBe('江苏省高级人民法院');
  });

  const table = (dept: string, unitLines: string) => `## 2024年一般公共预算支出表

部门：
${dept}

${unitLines}

| 科目编码 | 科目名称 | 合计 |
|---|---|---|
| 201 | 一般公共服务支出 | 100.00 |
| | 合计 | 100.00 |
`;

  it('fills department, org, doc_kind, value_yuan, period and measure on every fact (cover, label alone, unit wrapped)', () => {
    const doc = docFromText(`中共上海市普陀区委\n\n社会工作部2024年度\n\n部门决算\n\n${table('中国共产党上海市普陀区委员会社会工作部', '单位：万\n\n元')}`, 'x.md');
    expect(doc.identity).toMatchObject({ organisation: '中共上海市普陀区委社会工作部', org: '中共上海市普陀区委社会工作部', year: 2024, doc_kind: '部门决算', source: 'cover' });
    const t = doc.tables[0];
    expect(t.department).toBe('中国共产党上海市普陀区委员会社会工作部');
    expect(t.unit).toBe('万元');
    const facts = documentFacts(doc);
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(f).toMatchObject({ department: '中国共产党上海市普陀区委员会社会工作部', org: '中共上海市普陀区委社会工作部', doc_kind: '部门决算', period: '2024', sha256: doc.source.sha256 });
    }
    expect(facts[0]).toMatchObject({ value: '100.00', value_yuan: '1000000', measure: '合计' });
  });

  it('says so when it takes a document naming neither 部门 nor 单位 as the department\'s', () => {
    const doc = docFromText(`## 收支预算总表\n\n单位：万元\n\n| 项目 | 金额 |\n|---|---|\n| 合计 | 1.00 |\n`, 'x.md');
    expect(doc.identity?.doc_kind).toBe('部门预算');
    expect(doc.diagnostics.some((d) => d.code === 'identity.kind-assumed')).toBe(true);
  });

  it('falls back to the file name with a warning', () => {
    const doc = docFromText('| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n', '江苏省政协办公厅_2019_部门预算.md');
    expect(doc.identity).toMatchObject({ organisation: '江苏省政协办公厅', org: '江苏省政协办公厅', source: 'filename', year: 2019, doc_kind: '部门预算' });
    expect(doc.diagnostics.some((d) => d.code === 'identity.from-filename')).toBe(true);
  });
});

describe('period and measure', () => {
  it('splits the year out of a column path', () => {
    expect(splitPeriod('2024年“三公”经费预算数 / 合计', 2024)).toEqual({ period: '2024', measure: '“三公”经费预算数 / 合计' });
    expect(splitPeriod('“三公”经费预算数 / 合计', 2025)).toEqual({ period: '2025', measure: '“三公”经费预算数 / 合计' });
    expect(splitPeriod('2024年度 / 合计')).toEqual({ period: '2024', measure: '合计' });
  });
});

describe('headline figures', () => {
  // Jiangsu's layout: the outer 合计 adds 会议费 and 培训费; 三公 is the 小计 under its header
  const jiangsu = `江苏省人民检察院

2019年度部门预算公开

## 公开09表 “三公”经费、会议费、培训费支出预算表

部门名称：江苏省人民检察院

单位：万元

<table>
<tr><td rowspan="3">合计</td><td colspan="6">“三公”经费</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td></tr>
<tr><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费</td><td colspan="3">公务用车购置及运行维护费</td><td rowspan="2">公务接待费</td></tr>
<tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td></tr>
<tr><td>1276.7</td><td>418.26</td><td>80</td><td>237</td><td></td><td>237</td><td>101.26</td><td>158.44</td><td>700</td></tr>
</table>
`;

  it('reads 三公 itself, its parts, and traces each to its cell; absent figures are absent', () => {
    const doc = docFromText(jiangsu, 'js.md');
    const h = new Map((doc.headlines ?? []).map((x) => [x.figure, x]));
    expect(h.get('three_public_total')).toMatchObject({ value: '418.26', unit: '万元', value_yuan: '4182600', table: 0, table_kind: 'three_public_expenses', row: 1, column: '“三公”经费 / 小计' });
    expect(h.get('outbound_travel')?.value).toBe('80');
    expect(h.get('official_vehicles')).toMatchObject({ value: '237', column: '“三公”经费 / 公务用车购置及运行维护费 / 小计' });
    expect(h.get('official_reception')?.value).toBe('101.26');
    expect(h.has('income_total')).toBe(false);
    expect(headlineRows(doc)[0]).toMatchObject({ document: 'js.md', org: '江苏省人民检察院', year: '2019', doc_kind: '部门预算', figure: 'three_public_total', value: '418.26', unit: '万元', value_yuan: '4182600', table_kind: 'three_public_expenses' });
  });
});

describe('across years', () => {
  const narrative = (value: string, change: string, direction: 'increase' | 'decrease') => {
    const sentence = `因公出国（境）费预算支出${value}万元，比上年${direction === 'increase' ? '增加' : '减少'}${change}万元。`;
    return [
      { kind: 'amount' as const, subject: '因公出国（境）费预算支出', value, unit: '万元' as const, sentence, page: 3 },
      { kind: 'change' as const, subject: '因公出国（境）费预算支出', value: change, unit: '万元' as const, direction, previous: '上年', sentence, page: 3 },
    ];
  };
  const doc = (year: number, extra: Partial<YearDoc> = {}): YearDoc => ({ name: `${year}.pdf`, sha256: String(year), org: '江苏省人民检察院', year, doc_kind: '部门预算', headlines: [], narrative: [], ...extra });

  it('links the previous year of the same org and kind, several files of one year as one', () => {
    const a = doc(2018, { name: 'text.pdf', sha256: 'a' });
    const b = doc(2018, { name: 'tables.pdf', sha256: 'b', headlines: [{ figure: 'outbound_travel', value_yuan: '1000000' }] });
    const c = doc(2019);
    const p = previousYear([a, b, c]).get('2019');
    expect(p?.headlines).toEqual([{ figure: 'outbound_travel', value_yuan: '1000000' }]);
    expect(previousYear([c, doc(2018, { doc_kind: '单位预算' })]).size).toBe(0);
  });

  it('checks 比上年增加/减少 against the previous year at the printed precision', () => {
    const prev = doc(2018, { headlines: [{ figure: 'outbound_travel', value_yuan: '1000000' }] });
    expect(checkAcrossYears(doc(2019, { narrative: narrative('80', '20', 'decrease') }), prev)).toEqual([]);
    const wrong = checkAcrossYears(doc(2019, { narrative: narrative('80', '30', 'decrease') }), prev);
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatchObject({ rule: 'across.change', severity: 'warning', expected: '100万元', found: '110万元', difference: '-10万元' });
    expect(subjectFigure('江苏省人大常委会办公厅2019年度一般公共预算拨款安排的会议费预算支出')).toBeUndefined();
    expect(subjectFigure('2024年“三公”经费预算数')).toBe('three_public_total');
  });
});
