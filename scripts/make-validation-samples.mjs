#!/usr/bin/env node
// Documents for the check of the checks (issue 17): budget disclosures whose numbers are consistent
// throughout, one per template family the project knows, and copies of them with exactly one
// printed number changed.
//
//   node scripts/make-validation-samples.mjs [--no-pdf]
//
// Writes
//   samples/validation/<family>.md / .html / .chromium.pdf   consistent documents (zero error findings expected)
//   samples/validation/<family>.borderless.pdf               the page with no table border, printed by Chromium
//   samples/validation/<family>.borderless-libreoffice.pdf   the tables as spreadsheet sheets with no cell
//                                                            border (the seed sample's writer), printed by LibreOffice
//   tests/fixtures/validation/<family>--<injection>.md / .html one injected error each
//   tests/fixtures/validation/injections.json                 what was changed and where the finding belongs
//
// Families:
//   seed      部门预算 in the seed's template (万元): 收支总表 … 项目支出预算表 with several units each
//             followed by their projects; the 三公 table with unnumbered rows and ①② sub-items under
//             公务用车购置及运行费, which stands between 因公出国（境）费 and 公务接待费
//   seed-numbered  the same template with ①②③ 三公 rows whose 公务用车 row has its own ①② sub-list
//   final     部门决算 (万元) whose 财政拨款 includes 政府性基金; 三公 决算 rows 1、2、3、 with （1）（2）
//             sub-items and a 增减% column that is not money
//   jiangsu   Jiangsu 部门预算 (万元): a one-column (金额) 一般公共预算支出预算表, both 财政拨款 and
//             一般公共预算 基本支出（经济科目） tables, a column-shaped 三公 table with 会议费/培训费
//
// All amounts are computed in integer 分 of 万元 from the leaf figures, so every total holds exactly.
// Plain Node ESM, no dependencies; Chromium and LibreOffice are shelled out to for the PDF renders
// (the spreadsheet for LibreOffice is written by scripts/make-samples.mjs's flat-ODS writer).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { renderLibreOffice, withoutBorders } from './render-pdf.mjs';
import { toFods } from './make-samples.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = path.join(REPO, 'samples', 'validation');
const FIXTURES = path.join(REPO, 'tests', 'fixtures', 'validation');

// ------------------------------------------------------------------------------------- figures

/** 分 (hundredths of 万元) → "1234.56"; 0 → '' when blank is asked for. */
const f = (c, blank = true) => (c === 0 && blank ? '' : `${Math.trunc(c / 100)}.${String(Math.abs(c % 100)).padStart(2, '0')}`);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
/** a percentage rounded half up to 2 decimals, as printed */
const pct = (num, den) => (Math.round((num / den) * 10000) / 100).toFixed(2);
const CLASS_NO = { 201: '一', 208: '八', 210: '十', 212: '十二', 221: '二十' };

/** Functional subjects: 项 code, name, basic, project (分), source ('gb' 一般公共预算 | 'gf' 政府性基金). */
function subjects(spec) {
  return spec.map(([code, name, basic, project, source = 'gb']) => ({ code, name, basic, project, source }));
}

const NAMES = {
  201: '一般公共服务支出', 20105: '统计信息事务', 20101: '人大事务', 20108: '审计事务', 20106: '财政事务',
  208: '社会保障和就业支出', 20805: '行政事业单位养老支出',
  210: '卫生健康支出', 21011: '行政事业单位医疗',
  212: '城乡社区支出', 21208: '国有土地使用权出让收入安排的支出',
  221: '住房保障支出', 22102: '住房改革支出',
};

/** 类 / 款 / 项 rows with their sums, in code order: [{code, name, level, basic, project, gb, gf}] */
function codeTree(items) {
  const rows = new Map();
  const add = (code, name, it) => {
    if (!rows.has(code)) rows.set(code, { code, name, basic: 0, project: 0, gb: 0, gf: 0 });
    const r = rows.get(code);
    r.basic += it.basic;
    r.project += it.project;
    r[it.source] += it.basic + it.project;
  };
  for (const it of items) {
    add(it.code.slice(0, 3), NAMES[it.code.slice(0, 3)], it);
    add(it.code.slice(0, 5), NAMES[it.code.slice(0, 5)], it);
    add(it.code, it.name, it);
  }
  return [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((r) => ({ ...r, total: r.basic + r.project }));
}

const totalsOf = (items) => {
  const t = { basic: sum(items.map((i) => i.basic)), project: sum(items.map((i) => i.project)), gb: 0, gf: 0 };
  for (const i of items) t[i.source] += i.basic + i.project;
  return { ...t, total: t.basic + t.project };
};

// ------------------------------------------------------------------------------------- families

/**
 * A document: { name, family, department, year, heading, sections: [ {h}|{p}|{table} ] } where a
 * table is { label, title, dept, unit, header: string[][], body: string[][], note }.
 */

function seedFamily({ name, dept, year, numbered }) {
  const items = subjects([
    ['2010501', '行政运行', 16196, 0],
    ['2010502', '一般行政管理事务', 0, 8300],
    ['2010505', '专项统计业务', 0, 4550],
    ['2010550', '事业运行', 6555, 0],
    ['2080501', '行政单位离退休', 1015, 0],
    ['2080505', '机关事业单位基本养老保险缴费支出', 2528, 0],
    ['2101101', '行政单位医疗', 689, 0],
    ['2210201', '住房公积金', 2399, 0],
  ]);
  const tree = codeTree(items);
  const T = totalsOf(items);
  const units = [
    { name: dept, projects: [['统计执法检查经费', 2000], ['统计信息化运维费', 3300], ['统计数据质量核查经费', 3000]] },
    { name: dept.replace(/局$/, '普查中心'), projects: [['经济普查经费', 3050], ['人口抽样调查经费', 1500]] },
  ];
  // economic classes of 基本支出: [code, name, personnel?, [[code, name, amount]]]
  const econ = [
    ['301', '工资福利支出', true, [['30101', '基本工资', 8000], ['30102', '津贴补贴', 6000], ['30103', '奖金', 3000], ['30108', '机关事业单位基本养老保险缴费', 2528], ['30109', '职业年金缴费', 1000], ['30110', '职工基本医疗保险缴费', 689], ['30113', '住房公积金', 2399]]],
    ['302', '商品和服务支出', false, [['30201', '办公费', 1200], ['30202', '印刷费', 500], ['30206', '电费', 600], ['30211', '差旅费', 800], ['30217', '公务接待费', 130], ['30231', '公务用车运行维护费', 130], ['30228', '工会经费', 300], ['30229', '福利费', 200], ['30299', '其他商品和服务支出', 891]]],
    ['303', '对个人和家庭的补助', true, [['30302', '退休费', 1015]]],
  ];
  const three = { abroad: 0, reception: 130, buy: 0, run: 130 };
  return budgetDocument({ name, family: numbered ? 'seed-numbered' : 'seed', dept, year, items, tree, T, units, econ, three, numbered });
}

function budgetDocument({ name, family, dept, year, items, tree, T, units, econ, three, numbered }) {
  const econRows = econ.map(([code, cname, personnel, kids]) => ({ code, name: cname, personnel, amount: sum(kids.map((k) => k[2])), kids }));
  const personnel = sum(econRows.filter((r) => r.personnel).map((r) => r.amount));
  const publicFunds = sum(econRows.filter((r) => !r.personnel).map((r) => r.amount));
  if (personnel + publicFunds !== T.basic) throw new Error(`${name}: 人员 ${personnel} + 公用 ${publicFunds} ≠ 基本支出 ${T.basic}`);
  const projectSum = sum(units.flatMap((u) => u.projects.map((p) => p[1])));
  if (projectSum !== T.project) throw new Error(`${name}: projects ${projectSum} ≠ 项目支出 ${T.project}`);
  const threeTotal = three.abroad + three.reception + three.buy + three.run;
  const classes = tree.filter((r) => r.code.length === 3);
  const yr = `${year}年`;
  const t = (label, title, header, body, extra = {}) => ({ label, title: `${yr}${title}`, dept, unit: '万元', header, body, ...extra });
  const coded = (cols) => tree.map((r) => [r.code, r.name, ...cols(r)]);
  const tables = [
    t('表一', '预算收支总表', [['收入', '', '支出', '', '', '', ''], ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']], [
      ['一、一般公共预算', f(T.gb), `${CLASS_NO[classes[0].code]}、${classes[0].name}`, f(classes[0].total), f(classes[0].gb), '', ''],
      ['二、政府性基金预算', f(T.gf), ...classRow(classes[1])],
      ['三、国有资本经营预算', '', ...classRow(classes[2])],
      ['四、财政专户管理资金', '', ...classRow(classes[3])],
      ['五、单位资金', '', '', '', '', '', ''],
      ['本年收入合计', f(T.total), '本年支出合计', f(T.total), f(T.gb), f(T.gf), ''],
      ['上年结转', '', '年终结转', '', '', '', ''],
      ['收入总计', f(T.total), '支出总计', f(T.total), f(T.gb), f(T.gf), ''],
    ]),
    t('表二', '预算收入总表', [['项目', '', '本年收入', '', '', '', '', '', '上年结转'], ['科目编码', '科目名称', '合计', '一般公共预算', '政府性基金', '国有资本经营预算', '财政专户管理资金', '单位资金', '']], [
      ['合计', '', f(T.total), f(T.gb), f(T.gf), '', '', '', ''],
      ...coded((r) => [f(r.total), f(r.gb), f(r.gf), '', '', '', '']),
    ]),
    t('表三', '预算支出总表', [['项目', '', `${yr}预算数`, '', ''], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']], [
      ['合计', '', f(T.total), f(T.basic), f(T.project)],
      ...coded((r) => [f(r.total), f(r.basic), f(r.project)]),
    ]),
    t('表四', '财政拨款收支总表', [['收入', '', '支出', '', '', '', ''], ['项目', '金额', '项目', '小计', '一般公共预算', '政府性基金预算', '国有资本经营预算']], [
      ['一、一般公共预算', f(T.gb), `${CLASS_NO[classes[0].code]}、${classes[0].name}`, f(classes[0].total), f(classes[0].gb), '', ''],
      ['二、政府性基金预算', f(T.gf), ...classRow(classes[1])],
      ['三、国有资本经营预算', '', ...classRow(classes[2])],
      ['', '', ...classRow(classes[3])],
      ['本年收入合计', f(T.total), '本年支出合计', f(T.total), f(T.gb), f(T.gf), ''],
      ['上年财政拨款结转', '', '年终财政拨款结转', '', '', '', ''],
      ['收入总计', f(T.total), '支出总计', f(T.total), f(T.gb), f(T.gf), ''],
    ]),
    t('表五', '一般公共预算支出预算表（不含上年结转）', [['项目', '', `${yr}预算数`, '', ''], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']], [
      ['合计', '', f(T.total), f(T.basic), f(T.project)],
      ...coded((r) => [f(r.total), f(r.basic), f(r.project)]),
    ]),
    t('表六', '一般公共预算安排基本支出分经济科目表（不含上年结转）', [['部门预算支出经济分类科目', '', `${yr}基本支出`, '', ''], ['科目编码', '科目名称', '合计', '人员经费', '公用经费']], [
      ['合计', '', f(T.basic), f(personnel), f(publicFunds)],
      ...econRows.flatMap((r) => [
        [r.code, r.name, f(r.amount), r.personnel ? f(r.amount) : '', r.personnel ? '' : f(r.amount)],
        ...r.kids.map(([c, n, a]) => [c, n, f(a), r.personnel ? f(a) : '', r.personnel ? '' : f(a)]),
      ]),
    ]),
    t('表七', '财政拨款安排“三公”经费支出预算表', [['项目', `${yr}预算数`, '', '', ''], ['', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']],
      (numbered
        ? [
            ['①因公出国（境）费', three.abroad],
            ['②公务接待费', three.reception],
            ['③公务用车购置及运行费', three.buy + three.run],
            ['①公务用车购置费', three.buy],
            ['②公务用车运行维护费', three.run],
            ['合计', threeTotal],
          ]
        : [
            // the seed's order has 公务用车 last; this template puts it in the middle
            ['因公出国（境）费', three.abroad],
            ['公务用车购置及运行费', three.buy + three.run],
            ['①公务用车购置费', three.buy],
            ['②公务用车运行维护费', three.run],
            ['公务接待费', three.reception],
            ['合计', threeTotal],
          ]
      ).map(([l, v]) => [l, f(v), f(v), '', ''])),
    t('表八', '财政拨款安排机关运行经费预算表', [['单位名称', `${yr}预算数`, '', '', ''], ['', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']], [
      ['部门合计', f(publicFunds), f(publicFunds), '', ''],
      [units[0].name, f(publicFunds - 1251), f(publicFunds - 1251), '', ''],
      [units[1].name, f(1251), f(1251), '', ''],
    ]),
    t('表九', '项目支出预算表（本年预算）', [['项目名称', '合计', `${yr}财政拨款`, '', '', '财政专户管理资金', '单位资金'], ['', '', '一般公共预算', '政府性基金预算', '国有资本经营预算', '', ''], ['1', '2', '3', '4', '5', '6', '7']], [
      [dept, f(T.project), f(T.project), '', '', '', ''],
      ...units.flatMap((u) => {
        const s = sum(u.projects.map((p) => p[1]));
        return [[u.name, f(s), f(s), '', '', '', ''], ...u.projects.map(([n, a]) => [n, f(a), f(a), '', '', '', ''])];
      }),
    ]),
  ];
  const prev = T.total - 5126;
  const narrative = [
    { h: `一、部门预算收支总体情况说明` },
    { p: `${yr}度${dept}收入、支出预算总计${f(T.total)}万元，比上年增加51.26万元，增长${pct(5126, prev)}%。` },
    { h: `二、一般公共预算支出情况说明` },
    { p: `${yr}度${dept}一般公共预算当年支出${f(T.gb)}万元，其中：基本支出${f(T.basic)}万元，项目支出${f(T.project)}万元。` },
    { h: `三、一般公共预算基本支出情况说明` },
    { p: `${yr}度${dept}一般公共预算安排基本支出${f(T.basic)}万元，其中：人员经费${f(personnel)}万元，公用经费${f(publicFunds)}万元。` },
    { h: `四、“三公”经费预算情况说明` },
    { p: `${yr}${dept}“三公”经费预算${f(threeTotal)}万元。其中：因公出国（境）费${f(three.abroad, false)}万元；公务接待费${f(three.reception, false)}万元；公务用车运行维护费${f(three.run, false)}万元。` },
  ];
  return { name, family, department: dept, year, kind: '部门预算', tables, narrative };
}

function classRow(c) {
  return c ? [`${CLASS_NO[c.code]}、${c.name}`, f(c.total), f(c.gb), f(c.gf), ''] : ['', '', '', '', ''];
}

function finalFamily({ name, dept, year }) {
  const items = subjects([
    ['2010601', '行政运行', 150352, 0],
    ['2010602', '一般行政管理事务', 0, 24560],
    ['2010650', '事业运行', 31210, 0],
    ['2080505', '机关事业单位基本养老保险缴费支出', 9870, 0],
    ['2101101', '行政单位医疗', 4520, 0],
    ['2120801', '征地和拆迁补偿支出', 0, 3500, 'gf'],
    ['2210201', '住房公积金', 7650, 0],
  ]);
  const tree = codeTree(items);
  const T = totalsOf(items);
  const gbItems = items.filter((i) => i.source === 'gb');
  const gfItems = items.filter((i) => i.source === 'gf');
  const GB = totalsOf(gbItems);
  const GF = totalsOf(gfItems);
  const gbTree = codeTree(gbItems);
  const gfTree = codeTree(gfItems);
  const other = 1200; // 其他收入 spent on 2010602 through the unit's own funds: keeps 收入 ≠ 财政拨款
  const classes = tree.filter((r) => r.code.length === 3);
  const econ = [
    ['301', '工资福利支出', true, [['30101', '基本工资', 60000], ['30102', '津贴补贴', 52000], ['30108', '机关事业单位基本养老保险缴费', 9870], ['30110', '职工基本医疗保险缴费', 4520], ['30113', '住房公积金', 7650]]],
    ['302', '商品和服务支出', false, [['30201', '办公费', 9000], ['30211', '差旅费', 3000], ['30217', '公务接待费', 640], ['30231', '公务用车运行维护费', 2280], ['30299', '其他商品和服务支出', 52642]]],
    ['303', '对个人和家庭的补助', true, [['30302', '退休费', 2000]]],
  ].map(([code, cname, personnel, kids]) => ({ code, name: cname, personnel, amount: sum(kids.map((k) => k[2])), kids }));
  const personnel = sum(econ.filter((r) => r.personnel).map((r) => r.amount));
  const publicFunds = sum(econ.filter((r) => !r.personnel).map((r) => r.amount));
  if (personnel + publicFunds !== GB.basic) throw new Error(`${name}: 人员 + 公用 ≠ 一般公共预算 基本支出 (${personnel + publicFunds} vs ${GB.basic})`);
  const yr = `${year}年度`;
  const t = (label, title, header, body) => ({ label, title, dept, unit: '万元', header, body });
  const total = T.total + other;
  const fiscal = T.total;
  // 三公: budget and final figures with a 增减% column (not money)
  const three = [
    ['合计', 5000, 0],
    ['1、因公出国（境）费', 1200, 0],
    ['2、公务用车购置及运行费', 2800, 0],
    ['其中：（1）公务用车购置费', 0, 0],
    ['（2）公务用车运行维护费', 2800, 0],
    ['3、公务接待费', 1000, 0],
  ];
  const finals = { '合计': 2920, '1、因公出国（境）费': 0, '2、公务用车购置及运行费': 2280, '其中：（1）公务用车购置费': 0, '（2）公务用车运行维护费': 2280, '3、公务接待费': 640 };
  const threeBody = three.map(([l, b]) => [l, f(b, false), f(finals[l], false), b ? pct(finals[l] - b, b) : '']);
  const tables = [
    t('公开01表', '收入支出决算总表', [['收入', '', '支出', ''], ['项目', '决算数', '项目', '决算数']], [
      ['一、一般公共预算财政拨款收入', f(GB.total), `一、${classes[0].name}`, f(classes[0].total + other)],
      ['二、政府性基金预算财政拨款收入', f(GF.total), `二、${classes[1].name}`, f(classes[1].total)],
      ['三、国有资本经营预算财政拨款收入', '', `三、${classes[2].name}`, f(classes[2].total)],
      ['四、事业收入', '', `四、${classes[3].name}`, f(classes[3].total)],
      ['五、其他收入', f(other), `五、${classes[4].name}`, f(classes[4].total)],
      ['本年收入合计', f(total), '本年支出合计', f(total)],
      ['年初结转和结余', '', '年末结转和结余', ''],
      ['总计', f(total), '总计', f(total)],
    ]),
    t('公开02表', '收入决算表', [['项目', '', '本年收入合计', '财政拨款收入', '事业收入', '其他收入'], ['科目编码', '科目名称', '', '', '', '']], [
      ['合计', '', f(total), f(fiscal), '', f(other)],
      ...tree.map((r) => {
        const o = r.code === '201' || r.code === '20106' || r.code === '2010602' ? other : 0;
        return [r.code, r.name, f(r.total + o), f(r.total), '', f(o)];
      }),
    ]),
    t('公开03表', '支出决算表', [['项目', '', '本年支出合计', '基本支出', '项目支出'], ['科目编码', '科目名称', '', '', '']], [
      ['合计', '', f(total), f(T.basic), f(T.project + other)],
      ...tree.map((r) => {
        const o = r.code === '201' || r.code === '20106' || r.code === '2010602' ? other : 0;
        return [r.code, r.name, f(r.total + o), f(r.basic), f(r.project + o)];
      }),
    ]),
    t('公开04表', '财政拨款收入支出决算总表', [['收入', '', '支出', '', '', '', ''], ['项目', '决算数', '项目', '小计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']], [
      ['一、一般公共预算财政拨款', f(GB.total), `一、${classes[0].name}`, f(classes[0].total), f(classes[0].gb), f(classes[0].gf), ''],
      ['二、政府性基金预算财政拨款', f(GF.total), `二、${classes[1].name}`, f(classes[1].total), f(classes[1].gb), f(classes[1].gf), ''],
      ['三、国有资本经营预算财政拨款', '', `三、${classes[2].name}`, f(classes[2].total), f(classes[2].gb), f(classes[2].gf), ''],
      ['', '', `四、${classes[3].name}`, f(classes[3].total), f(classes[3].gb), f(classes[3].gf), ''],
      ['', '', `五、${classes[4].name}`, f(classes[4].total), f(classes[4].gb), f(classes[4].gf), ''],
      ['本年收入合计', f(fiscal), '本年支出合计', f(fiscal), f(GB.total), f(GF.total), ''],
      ['年初财政拨款结转和结余', '', '年末财政拨款结转和结余', '', '', '', ''],
      ['总计', f(fiscal), '总计', f(fiscal), f(GB.total), f(GF.total), ''],
    ]),
    t('公开05表', '一般公共预算财政拨款支出决算表', [['项目', '', '本年支出', '', ''], ['科目编码', '科目名称', '小计', '基本支出', '项目支出']], [
      ['合计', '', f(GB.total), f(GB.basic), f(GB.project)],
      ...gbTree.map((r) => [r.code, r.name, f(r.total), f(r.basic), f(r.project)]),
    ]),
    t('公开06表', '一般公共预算财政拨款基本支出决算表', [['科目编码', '科目名称', '决算数', '', ''], ['', '', '合计', '人员经费', '公用经费']], [
      ['合计', '', f(GB.basic), f(personnel), f(publicFunds)],
      ...econ.flatMap((r) => [
        [r.code, r.name, f(r.amount), r.personnel ? f(r.amount) : '', r.personnel ? '' : f(r.amount)],
        ...r.kids.map(([c, n, a]) => [c, n, f(a), r.personnel ? f(a) : '', r.personnel ? '' : f(a)]),
      ]),
    ]),
    t('公开07表', '政府性基金预算财政拨款收入支出决算表', [['项目', '', '本年收入', '本年支出', '', ''], ['科目编码', '科目名称', '', '小计', '基本支出', '项目支出']], [
      ['合计', '', f(GF.total), f(GF.total), f(GF.basic), f(GF.project)],
      ...gfTree.map((r) => [r.code, r.name, f(r.total), f(r.total), f(r.basic), f(r.project)]),
    ]),
    t('公开08表', '财政拨款“三公”经费支出决算表', [['项目', '预算数', '决算数', '决算数比预算数增减（%）']], threeBody),
  ];
  const narrative = [
    { h: '一、收入支出决算总体情况说明' },
    { p: `${dept}${yr}收入支出总计${f(total)}万元。` },
    { h: '二、财政拨款收入支出决算总体情况说明' },
    { p: `${dept}${yr}财政拨款收入支出总计${f(fiscal)}万元。其中：一般公共预算财政拨款${f(GB.total)}万元，政府性基金预算财政拨款${f(GF.total)}万元。` },
    { h: '三、一般公共预算财政拨款基本支出决算情况说明' },
    { p: `${dept}${yr}一般公共预算财政拨款基本支出${f(GB.basic)}万元，其中：人员经费${f(personnel)}万元，公用经费${f(publicFunds)}万元。` },
    { h: '四、“三公”经费财政拨款支出决算情况说明' },
    { p: `${dept}${yr}“三公”经费财政拨款支出决算为${f(finals['合计'])}万元。` },
  ];
  return { name, family: 'final', department: dept, year, kind: '部门决算', tables, narrative };
}

function jiangsuFamily({ name, dept, year }) {
  const items = subjects([
    ['2010101', '行政运行', 285630, 0],
    ['2010102', '一般行政管理事务', 0, 61280],
    ['2010104', '人大会议', 0, 42000],
    ['2080505', '机关事业单位基本养老保险缴费支出', 31240, 0],
    ['2101101', '行政单位医疗', 12870, 0],
    ['2210201', '住房公积金', 24310, 0],
  ]);
  const tree = codeTree(items);
  const T = totalsOf(items);
  const classes = tree.filter((r) => r.code.length === 3);
  const econ = [
    ['301', '工资福利支出', [['30101', '基本工资', 120000], ['30102', '津贴补贴', 98000], ['30108', '机关事业单位基本养老保险缴费', 31240], ['30110', '职工基本医疗保险缴费', 12870], ['30113', '住房公积金', 24310]]],
    ['302', '商品和服务支出', [['30201', '办公费', 21000], ['30211', '差旅费', 14000], ['30299', '其他商品和服务支出', 32630]]],
  ].map(([code, cname, kids]) => ({ code, name: cname, amount: sum(kids.map((k) => k[2])), kids }));
  if (sum(econ.map((e) => e.amount)) !== T.basic) throw new Error(`${name}: 经济分类 ≠ 基本支出`);
  const yr = `${year}年`;
  const t = (label, title, header, body) => ({ label, title: `${dept}${yr}${title}`, dept, unit: '万元', header, body });
  const econBody = econ.flatMap((e) => [[e.code, e.name, f(e.amount)], ...e.kids.map(([c, n, a]) => [c, n, f(a)])]);
  // 三公 by unit: 合计 = 三公 小计 + 会议费 + 培训费
  const three = { abroad: 1500, reception: 2300, buy: 0, run: 1860, meeting: 4200, training: 3100 };
  const car = three.buy + three.run;
  const sg = three.abroad + three.reception + car;
  const tables = [
    t('表1', '部门收支预算总表', [['收入', '', '支出', ''], ['项目', '预算数', '项目', '预算数']], [
      ['一、一般公共预算拨款收入', f(T.gb), `一、${classes[0].name}`, f(classes[0].total)],
      ['二、政府性基金预算拨款收入', '', `二、${classes[1].name}`, f(classes[1].total)],
      ['三、其他收入', '', `三、${classes[2].name}`, f(classes[2].total)],
      ['', '', `四、${classes[3].name}`, f(classes[3].total)],
      ['本年收入合计', f(T.total), '本年支出合计', f(T.total)],
      ['上年结转结余', '', '结转下年', ''],
      ['收入总计', f(T.total), '支出总计', f(T.total)],
    ]),
    t('表3', '部门支出预算总表', [['科目编码', '科目名称', '合计', '基本支出', '项目支出']], [
      ['', '合计', f(T.total), f(T.basic), f(T.project)],
      ...tree.map((r) => [r.code, r.name, f(r.total), f(r.basic), f(r.project)]),
    ]),
    t('表4', '财政拨款收支预算总表', [['收入', '', '支出', ''], ['项目', '预算数', '项目', '预算数']], [
      ['一、一般公共预算拨款收入', f(T.gb), `一、${classes[0].name}`, f(classes[0].total)],
      ['二、政府性基金预算拨款收入', '', `二、${classes[1].name}`, f(classes[1].total)],
      ['', '', `三、${classes[2].name}`, f(classes[2].total)],
      ['', '', `四、${classes[3].name}`, f(classes[3].total)],
      ['本年收入合计', f(T.total), '本年支出合计', f(T.total)],
      ['收入总计', f(T.total), '支出总计', f(T.total)],
    ]),
    t('表5', '一般公共预算支出预算表', [['科目编码', '科目名称', '金额']], [['', '合计', f(T.gb)], ...tree.map((r) => [r.code, r.name, f(r.gb)])]),
    t('表6', '一般公共预算基本支出预算表（经济科目）', [['科目编码', '科目名称', '金额']], [['', '合计', f(T.basic)], ...econBody.map((r) => [...r])]),
    t('表7', '财政拨款基本支出预算表（经济科目）', [['科目编码', '科目名称', '金额']], [['', '合计', f(T.basic)], ...econBody.map((r) => [...r])]),
    t('表8', '一般公共预算“三公”经费支出预算表', [
      ['单位编码', '单位名称', '合计', '“三公”经费', '', '', '', '', '', '会议费', '培训费'],
      ['', '', '', '小计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', '', '', '', ''],
      ['', '', '', '', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '', ''],
    ], [['', '合计', sg + three.meeting + three.training, sg, three.abroad, three.reception, car, three.buy, three.run, three.meeting, three.training], ['101001', dept, sg + three.meeting + three.training, sg, three.abroad, three.reception, car, three.buy, three.run, three.meeting, three.training]].map((r) => r.map((c) => (typeof c === 'number' ? f(c, false) : c)))),
  ];
  const prev = T.total - 221439;
  const narrative = [
    { h: '一、收支预算总体情况说明' },
    { p: `${dept}${yr}度收入、支出预算总计${f(T.total)}万元，与上年相比收、支预算总计各增加2214.39万元，增长${pct(221439, prev)}%。` },
    { h: '二、支出预算情况说明' },
    { p: `${dept}${yr}度支出预算${f(T.total)}万元，其中：基本支出${f(T.basic)}万元，项目支出${f(T.project)}万元。` },
    { h: '三、“三公”经费预算情况说明' },
    { p: `${dept}${yr}度一般公共预算拨款安排的“三公”经费预算${f(sg)}万元。` },
  ];
  return { name, family: 'jiangsu', department: dept, year, kind: '部门预算', tables, narrative };
}

// ------------------------------------------------------------------------------------- output

const mdCell = (s) => String(s ?? '').replace(/\|/g, '\\|');

function toMarkdown(doc) {
  const out = [`# ${doc.department}`, '', `${doc.year}年度${doc.kind}公开`, '', '## 第一部分 预算报表', ''];
  for (const t of doc.tables) {
    out.push(t.label, '', `## ${t.title}`, '', `部门名称：${t.dept}`, '', `单位：${t.unit}`, '');
    const rows = [...t.header, ...t.body];
    const w = Math.max(...rows.map((r) => r.length));
    const pad = (r) => [...r, ...Array(w - r.length).fill('')];
    out.push(`| ${pad(rows[0]).map(mdCell).join(' | ')} |`, `|${Array(w).fill('---').join('|')}|`);
    for (const r of rows.slice(1)) out.push(`| ${pad(r).map(mdCell).join(' | ')} |`);
    out.push('');
    if (t.note) out.push(t.note, '');
  }
  out.push(`## 第二部分 ${doc.year}年度${doc.kind}情况说明`, '');
  for (const n of doc.narrative) out.push(n.h ? `### ${n.h}` : n.p, '');
  return out.join('\n');
}

const esc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Header cells with colspan over the empty cells to their right that have text below them, rowspan over empty cells below. */
function headerHtml(header, w) {
  const grid = header.map((r) => [...r, ...Array(w - r.length).fill('')]);
  const used = grid.map((r) => r.map(() => false));
  const rows = [];
  for (let i = 0; i < grid.length; i++) {
    const cells = [];
    for (let j = 0; j < w; j++) {
      if (used[i][j]) continue;
      let cs = 1;
      while (j + cs < w && grid[i][j] && !grid[i][j + cs] && !used[i][j + cs] && grid.slice(i + 1).some((r) => r[j + cs])) cs++;
      let rs = 1;
      while (i + rs < grid.length && grid[i][j] && grid.slice(i + rs).every((r) => r.slice(j, j + cs).every((c) => !c))) rs++;
      for (let a = i; a < i + rs; a++) for (let b = j; b < j + cs; b++) used[a][b] = true;
      cells.push(`<th${cs > 1 ? ` colspan="${cs}"` : ''}${rs > 1 ? ` rowspan="${rs}"` : ''}>${esc(grid[i][j])}</th>`);
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return rows.join('\n');
}

function toHtml(doc) {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${esc(doc.department)}${doc.year}年度${doc.kind}</title>`,
    '<style>body{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;font-size:10pt;font-synthesis:none} table{border-collapse:collapse;width:100%;margin:4pt 0 10pt} th,td{border:0.75pt solid #000;padding:2pt 4pt} td.n{text-align:right} h2{font-size:13pt;text-align:center} .lab,.meta{margin:2pt 0}</style>',
    '</head><body>',
    `<h1>${esc(doc.department)}</h1>`,
    `<p>${doc.year}年度${doc.kind}公开</p>`,
  ];
  for (const t of doc.tables) {
    const w = Math.max(...[...t.header, ...t.body].map((r) => r.length));
    out.push(`<p class="lab">${esc(t.label)}</p>`, `<h2>${esc(t.title)}</h2>`, `<p class="meta">部门名称：${esc(t.dept)}</p>`, `<p class="meta">单位：${esc(t.unit)}</p>`);
    out.push('<table>', '<thead>', headerHtml(t.header, w), '</thead>', '<tbody>');
    for (const r of t.body) out.push(`<tr>${[...r, ...Array(w - r.length).fill('')].map((c) => (/^-?\d[\d.]*$/.test(String(c)) ? `<td class="n">${esc(c)}</td>` : `<td>${esc(c)}</td>`)).join('')}</tr>`);
    out.push('</tbody>', '</table>');
  }
  out.push(`<h2 style="page-break-before:always">第二部分 ${doc.year}年度${doc.kind}情况说明</h2>`);
  for (const n of doc.narrative) out.push(n.h ? `<h3>${esc(n.h)}</h3>` : `<p>${esc(n.p)}</p>`);
  out.push('</body></html>', '');
  return out.join('\n');
}

// ------------------------------------------------------------------------------------- injections

/**
 * One number changed. `table` is the table's title suffix, `row` the first label/code cell, `col`
 * the 0-based grid column; `by` the change in 分; `alsoRows` the rows changed in step with it (a
 * consistent shift inside one table, seen only across tables). `expect` lists where a right
 * finding may be: [rule, table title contains, row item/code, column path contains].
 */
const INJECTIONS = {
  seed: [
    { id: 'xiang-1', what: '项', table: '一般公共预算支出预算表（不含上年结转）', row: '2010505', col: 4, by: 300, expect: [['hierarchy.functional', '一般公共预算支出预算表', '20105', '项目支出'], ['row.basic-project', '一般公共预算支出预算表', '2010505', '合计'], ['cross.project-total', '项目支出预算表', '', ''], ['cross.basic-economic', '', '', '']] },
    { id: 'xiang-2', what: '项', table: '预算支出总表', row: '2101101', col: 3, by: -100, expect: [['hierarchy.functional', '预算支出总表', '21011', '基本支出'], ['row.basic-project', '预算支出总表', '2101101', '合计']] },
    { id: 'heji-1', what: '合计', table: '预算支出总表', row: '合计', col: 2, by: 1000, expect: [['totals.rows', '预算支出总表', '合计', '合计'], ['row.basic-project', '预算支出总表', '合计', '合计'], ['cross.totals', '预算支出总表', '合计', '合计']] },
    { id: 'heji-2', what: '合计', table: '一般公共预算安排基本支出分经济科目表（不含上年结转）', row: '合计', col: 3, by: 500, expect: [['totals.rows', '经济科目表', '合计', '人员经费'], ['row.personnel-public', '经济科目表', '合计', '合计'], ['cross.personnel-public', '', '', '人员经费'], ['narrative.amount', '', '人员经费', '']] },
    { id: 'sangong-1', what: '三公', table: '财政拨款安排“三公”经费支出预算表', row: '公务接待费', col: 1, by: 50, expect: [['totals.rows', '三公', '合计', '合计'], ['row.sources', '三公', '公务接待费', '合计']] },
    { id: 'sangong-2', what: '三公', table: '财政拨款安排“三公”经费支出预算表', row: '②公务用车运行维护费', col: 1, by: 20, expect: [['cross.three-public', '三公', '公务用车购置及运行费', '合计'], ['hierarchy.ordinal', '三公', '公务用车购置及运行费', '合计'], ['row.sources', '三公', '公务用车运行维护费', '合计']] },
    { id: 'cross-1', what: '跨表合计', table: '预算收入总表', row: '2210201', col: [2, 3], by: 200, alsoRows: ['22102', '221', '合计'], expect: [['cross.totals', '预算收入总表', '合计', '合计']] },
    { id: 'cross-2', what: '跨表合计', table: '项目支出预算表（本年预算）', row: '经济普查经费', col: [1, 2], by: 100, alsoRows: [1, 0], expect: [['cross.project-total', '项目支出预算表', '', '合计']] },
    { id: 'narr-1', what: '说明', narrative: /基本支出(\d+\.\d+)万元，其中：人员/, by: 100, expect: [['narrative.amount', '', '基本支出', '']] },
    { id: 'narr-2', what: '说明', narrative: /项目支出(\d+\.\d+)万元。/, by: -1000, expect: [['narrative.amount', '', '项目支出', '']] },
    { id: 'xiang-3', what: '项', table: '一般公共预算安排基本支出分经济科目表（不含上年结转）', row: '30211', col: 4, by: 100, expect: [['hierarchy.economic', '经济科目表', '302', '公用经费'], ['row.personnel-public', '经济科目表', '30211', '合计']] },
    { id: 'heji-3', what: '合计', table: '预算收支总表', row: '本年收入合计', col: 1, by: 200, expect: [['totals.rows', '预算收支总表', '本年收入合计', '预算数'], ['totals.rows', '预算收支总表', '收入总计', '预算数'], ['cross.totals', '预算收入总表', '合计', '合计']] },
    { id: 'heji-4', what: '合计', table: '财政拨款安排机关运行经费预算表', row: '部门合计', col: 1, by: 100, expect: [['totals.rows', '机关运行经费', '部门合计', '合计'], ['row.sources', '机关运行经费', '部门合计', '合计'], ['cross.operating-public', '机关运行经费', '', '']] },
    { id: 'project-1', what: '项', table: '项目支出预算表（本年预算）', row: '统计信息化运维费', col: [1, 2], by: 150, expect: [['cross.project-total', '项目支出预算表', '临江县统计局', '合计']] },
    { id: 'narr-3', what: '说明', narrative: /增长(\d+\.\d+)%/, by: 50, expect: [['narrative.growth', '', '', '']] },
  ],
  final: [
    { id: 'xiang-1', what: '项', table: '一般公共预算财政拨款支出决算表', row: '2010601', col: 3, by: 1000, expect: [['hierarchy.functional', '一般公共预算财政拨款支出决算表', '20106', '基本支出'], ['row.basic-project', '一般公共预算财政拨款支出决算表', '2010601', '小计']] },
    { id: 'xiang-2', what: '项', table: '支出决算表', row: '2080505', col: 2, by: 100, expect: [['hierarchy.functional', '支出决算表', '20805', '本年支出合计'], ['row.basic-project', '支出决算表', '2080505', '本年支出合计']] },
    { id: 'heji-1', what: '合计', table: '收入决算表', row: '合计', col: 2, by: 500, expect: [['totals.rows', '收入决算表', '合计', '本年收入合计'], ['row.sources', '收入决算表', '合计', '本年收入合计'], ['cross.totals', '收入决算表', '合计', '']] },
    { id: 'heji-2', what: '合计', table: '政府性基金预算财政拨款收入支出决算表', row: '合计', col: 5, by: 100, expect: [['totals.rows', '政府性基金', '合计', '项目支出'], ['row.basic-project', '政府性基金', '合计', '小计']] },
    { id: 'sangong-1', what: '三公', table: '财政拨款“三公”经费支出决算表', row: '3、公务接待费', col: 2, by: 30, expect: [['totals.rows', '三公', '合计', '决算数']] },
    { id: 'sangong-2', what: '三公', table: '财政拨款“三公”经费支出决算表', row: '（2）公务用车运行维护费', col: 2, by: 40, expect: [['cross.three-public', '三公', '公务用车购置及运行费', '决算数'], ['hierarchy.ordinal', '三公', '公务用车购置及运行费', '决算数']] },
    { id: 'cross-1', what: '跨表合计', table: '一般公共预算财政拨款支出决算表', row: '2210201', col: [2, 3], by: 300, alsoRows: ['22102', '221', '合计'], expect: [['cross.totals', '一般公共预算财政拨款支出决算表', '合计', '小计'], ['cross.basic-economic', '', '', '']] },
    { id: 'cross-2', what: '跨表合计', table: '一般公共预算财政拨款基本支出决算表', row: '30101', col: [2, 3], by: 200, alsoRows: ['301', '合计'], expect: [['cross.basic-economic', '基本支出决算表', '合计', '合计'], ['narrative.amount', '', '人员经费', '']] },
    { id: 'narr-1', what: '说明', narrative: /收入支出总计(\d+\.\d+)万元。$/m, by: 1000, expect: [['narrative.amount', '', '收入支出总计', '']] },
    { id: 'narr-2', what: '说明', narrative: /公用经费(\d+\.\d+)万元。/, by: 100, expect: [['narrative.amount', '', '公用经费', '']] },
    { id: 'heji-3', what: '合计', table: '财政拨款收入支出决算总表', row: '二、政府性基金预算财政拨款', col: 1, by: 100, expect: [['totals.rows', '财政拨款收入支出决算总表', '本年收入合计', '决算数'], ['totals.rows', '财政拨款收入支出决算总表', '本年收入合计', '']] },
    { id: 'xiang-3', what: '项', table: '政府性基金预算财政拨款收入支出决算表', row: '2120801', col: 5, by: 100, expect: [['hierarchy.functional', '政府性基金', '21208', '项目支出'], ['row.basic-project', '政府性基金', '2120801', '小计']] },
  ],
  jiangsu: [
    { id: 'xiang-1', what: '项', table: '一般公共预算支出预算表', row: '2010104', col: 2, by: 500, expect: [['hierarchy.functional', '一般公共预算支出预算表', '20101', '金额'], ['cross.totals', '', '', '']] },
    { id: 'xiang-2', what: '项', table: '部门支出预算总表', row: '2210201', col: 3, by: -200, expect: [['hierarchy.functional', '部门支出预算总表', '22102', '基本支出'], ['row.basic-project', '部门支出预算总表', '2210201', '合计']] },
    { id: 'heji-1', what: '合计', table: '部门支出预算总表', row: '合计', col: 4, by: 1000, expect: [['totals.rows', '部门支出预算总表', '合计', '项目支出'], ['row.basic-project', '部门支出预算总表', '合计', '合计'], ['narrative.amount', '', '项目支出', '']] },
    { id: 'heji-2', what: '合计', table: '一般公共预算基本支出预算表（经济科目）', row: '合计', col: 2, by: 300, expect: [['totals.rows', '一般公共预算基本支出预算表', '合计', '金额'], ['cross.basic-economic', '一般公共预算基本支出预算表', '合计', '金额']] },
    { id: 'sangong-1', what: '三公', table: '一般公共预算“三公”经费支出预算表', row: '101001', col: 5, by: 100, expect: [['row.sources', '三公', '', '小计'], ['cross.three-public', '三公', '', '小计'], ['totals.rows', '三公', '合计', '公务接待费']] },
    { id: 'sangong-2', what: '三公', table: '一般公共预算“三公”经费支出预算表', row: '101001', col: 8, by: 60, expect: [['cross.three-public', '三公', '', '小计'], ['row.sources', '三公', '', '小计'], ['totals.rows', '三公', '合计', '运行维护费']] },
    { id: 'cross-1', what: '跨表合计', table: '财政拨款基本支出预算表（经济科目）', row: '30201', col: 2, by: 400, alsoRows: ['302', '合计'], expect: [['cross.basic-economic', '财政拨款基本支出预算表', '合计', '金额']] },
    { id: 'cross-2', what: '跨表合计', table: '一般公共预算支出预算表', row: '2101101', col: 2, by: 150, alsoRows: ['21011', '210', '合计'], expect: [['cross.totals', '一般公共预算支出预算表', '合计', '金额']] },
    { id: 'narr-1', what: '说明', narrative: /基本支出(\d+\.\d+)万元/, by: 200, expect: [['narrative.amount', '', '基本支出', '']] },
    { id: 'narr-2', what: '说明', narrative: /收入、支出预算总计(\d+\.\d+)万元/, by: -500, expect: [['narrative.amount', '', '收入支出总计', ''], ['narrative.growth', '', '', '']] },
    { id: 'sangong-3', what: '三公', table: '一般公共预算“三公”经费支出预算表', row: '合计', col: 9, by: 100, expect: [['totals.rows', '三公', '合计', '会议费'], ['row.sources', '三公', '合计', '合计']] },
    { id: 'narr-3', what: '说明', narrative: /“三公”经费预算(\d+\.\d+)万元/, by: 100, expect: [['narrative.amount', '', '', '']] },
  ],
};
INJECTIONS['seed-numbered'] = INJECTIONS.seed.filter((i) => /sangong|heji-1|narr-1/.test(i.id));

const cellFrom = (s) => Math.round(Number(s || '0') * 100);

function inject(doc, inj) {
  const d = structuredClone(doc);
  if (inj.narrative) {
    const n = d.narrative.find((x) => x.p && inj.narrative.test(x.p));
    if (!n) throw new Error(`${doc.name} ${inj.id}: no sentence matches ${inj.narrative}`);
    const m = inj.narrative.exec(n.p);
    n.p = n.p.replace(m[0], m[0].replace(m[1], f(cellFrom(m[1]) + inj.by, false)));
    return { doc: d, where: { sentence: n.p } };
  }
  const t = d.tables.find((x) => x.title.endsWith(inj.table));
  if (!t) throw new Error(`${doc.name} ${inj.id}: no table ${inj.table}`);
  const rowOf = (key) => {
    if (typeof key === 'number') return key;
    const exact = t.body.findIndex((r) => r[0] === key || r[1] === key);
    return exact >= 0 ? exact : t.body.findIndex((r) => r[0].endsWith(key));
  };
  const at = rowOf(inj.row);
  if (at < 0) throw new Error(`${doc.name} ${inj.id}: no row ${inj.row} in ${inj.table}`);
  const cols = Array.isArray(inj.col) ? inj.col : [inj.col];
  // a project in a unit group: its unit row (alsoRows [1] = the nearest unit row above) and the department row (0)
  const rows = [at, ...(inj.alsoRows ?? []).map((k) => (typeof k === 'number' && k === 1 ? unitRowAbove(t, at) : rowOf(k)))];
  for (const r of rows) for (const c of cols) t.body[r][c] = f(cellFrom(t.body[r][c]) + inj.by, false);
  return { doc: d, where: { table: t.title, row: t.body[at][0], column: t.header.map((h) => h[cols[0]]).filter(Boolean).join(' / ') } };
}

function unitRowAbove(t, at) {
  for (let i = at - 1; i > 0; i--) if (/(局|中心)$/.test(t.body[i][0])) return i;
  return 0;
}

// ------------------------------------------------------------------------------------- rendering

function tryExec(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return null;
  }
}

function printPdf(htmlPath, pdfPath) {
  const bin = ['chromium', 'chromium-browser', 'google-chrome'].find((b) => tryExec(b, ['--version']) !== null);
  if (!bin) return false;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yusuan-chromium-'));
  try {
    execFileSync(bin, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-pdf-tagging', '--no-first-run', `--user-data-dir=${profile}`, `--print-to-pdf=${pdfPath}`, htmlPath], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return true;
}

/** A table as a sheet of the seed sample's spreadsheet writer (scripts/make-samples.mjs): label, title, 部门名称 and 单位 lines over the grid. */
function asSheet(t) {
  const rows = [...t.header, ...t.body];
  return { kind: 'standard', label: t.label, title: t.title, lines: [`部门名称：${t.dept}`, `单位：${t.unit}`], rows, notes: [], width: Math.max(...rows.map((r) => r.length)) };
}

const README = (docs, injected) => `# Validation samples

Consistent disclosures of every template family the project knows, made by
\`node scripts/make-validation-samples.mjs\` (do not edit by hand). Every total, hierarchy and
cross-table identity holds exactly, so validation must report **zero** \`error\` findings on each
file (tests/validate/check-of-checks.test.ts). ${injected} copies with one printed number changed are in
tests/fixtures/validation (injections.json says what was changed and where the finding belongs).

| file | family |
|---|---|
${docs.map((d) => `| \`${d.name}.md\`, \`.html\`, \`.chromium.pdf\`, \`.borderless.pdf\`, \`.borderless-libreoffice.pdf\` | ${FAMILY_NOTES[d.family]} (${d.department} ${d.year}年度${d.kind}) |`).join('\n')}
`;

const FAMILY_NOTES = {
  seed: 'the seed template: 项目支出预算表 with two units each followed by its projects; 三公 rows unnumbered with ①② under 公务用车购置及运行费 (in the middle)',
  'seed-numbered': 'the seed template with ①②③ 三公 rows and a restarted ①② sub-list under ③公务用车购置及运行费',
  final: '部门决算 whose 财政拨款 includes 政府性基金; 三公 决算 rows 1、2、3、 with 其中：（1）（2） and a 增减% column',
  jiangsu: 'Jiangsu: one-column (金额) 一般公共预算支出预算表, both 基本支出（经济科目） tables, 三公 with 会议费 and 培训费',
};

function main() {
  const pdf = !process.argv.includes('--no-pdf');
  const docs = [
    seedFamily({ name: 'seed', dept: '临江县统计局', year: 2025, numbered: false }),
    seedFamily({ name: 'seed-numbered', dept: '临江县审计局', year: 2025, numbered: true }),
    finalFamily({ name: 'final', dept: '上海市普陀区绿化和市容管理局', year: 2024 }),
    jiangsuFamily({ name: 'jiangsu', dept: '江苏省人大常委会办公厅', year: 2019 }),
  ];
  fs.mkdirSync(SAMPLES, { recursive: true });
  fs.mkdirSync(FIXTURES, { recursive: true });
  const manifest = [];
  for (const doc of docs) {
    fs.writeFileSync(path.join(SAMPLES, `${doc.name}.md`), toMarkdown(doc));
    const html = path.join(SAMPLES, `${doc.name}.html`);
    fs.writeFileSync(html, toHtml(doc));
    if (pdf && !printPdf(html, path.join(SAMPLES, `${doc.name}.chromium.pdf`))) console.error('chromium not found: PDFs not rendered');
    if (pdf) {
      // the same page with no table border at all (read by the stream finder)
      const bare = path.join(os.tmpdir(), `${doc.name}.borderless.html`);
      fs.writeFileSync(bare, withoutBorders(fs.readFileSync(html, 'utf8')));
      printPdf(bare, path.join(SAMPLES, `${doc.name}.borderless.pdf`));
      fs.rmSync(bare, { force: true });
      // and the tables as a spreadsheet with every cell border off, printed by LibreOffice, as a
      // bureau prints its Excel/WPS workbook with gridlines off (no LibreOffice: left out)
      const fods = path.join(os.tmpdir(), `${doc.name}.borderless-libreoffice.fods`);
      fs.writeFileSync(fods, toFods(doc.tables.map(asSheet), { borderless: true }));
      try {
        renderLibreOffice(fods, path.join(SAMPLES, `${doc.name}.borderless-libreoffice.pdf`));
      } catch (e) {
        console.error(`${doc.name}.borderless-libreoffice.pdf not rendered: ${e.message}`);
      }
      fs.rmSync(fods, { force: true });
    }
    for (const inj of INJECTIONS[doc.family]) {
      const { doc: bad, where } = inject(doc, inj);
      // markdown and HTML renders of each: the finding must not depend on the format
      for (const [ext, render] of [['md', toMarkdown], ['html', toHtml]]) {
        const file = `${doc.name}--${inj.id}.${ext}`;
        fs.writeFileSync(path.join(FIXTURES, file), render(bad));
        manifest.push({ file, family: doc.family, injection: inj.what, changed: where, by: f(inj.by, false), expect: inj.expect.map(([rule, table, item, column]) => ({ rule, table, item, column })) });
      }
    }
  }
  fs.writeFileSync(path.join(FIXTURES, 'injections.json'), JSON.stringify(manifest, null, 1) + '\n');
  fs.writeFileSync(path.join(SAMPLES, 'README.md'), README(docs, manifest.length));
  console.log(`${docs.length} consistent documents in samples/validation, ${manifest.length} with one injected error in tests/fixtures/validation`);
}

main();
