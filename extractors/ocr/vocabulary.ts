/**
 * What the project already knows about the words of a disclosure, gathered once for OCR to read
 * uncertain characters against (ocr-correct.ts, snap-labels.ts). Nothing here is defined anew:
 *
 * - table titles: the registry's names (schemas/table-kinds.ts) and the columns it requires;
 * - subject names by code: data/subject-names.csv (the 政府收支分类科目 names the disclosures
 *   print beside their codes, made by scripts/make-subject-names.mjs) and the renames of
 *   src/core/subject-names.ts;
 * - the template words of headers and 绩效 forms below, which the segmenter and interpreter
 *   recognise by pattern (src/interpret/labels.ts) and list nowhere as words;
 * - the items of the national procurement catalogue that 政府采购 tables print.
 */
import { readFileSync } from 'node:fs';
import { projectDataFile } from '../../src/core/data-file.js';
import { TABLE_KIND_DEFS } from '../../schemas/table-kinds.js';
import { SUBJECT_NAMES } from '../../src/core/subject-names.js';
import { widen } from './ocr-text.js';

/** Header, total and 绩效-form words of the disclosure templates. */
const TEMPLATE_WORDS = `
部门预算 单位预算 部门决算 单位决算 预算公开表 部门公开表 一般公共预算 政府性基金预算 国有资本经营预算 财政拨款
财政专户管理资金 单位资金 上年结转 不含上年结转 本年预算 当年预算安排 上年结转安排 本年收入 本年支出 本年收入合计
本年支出合计 收入总计 支出总计 合计 小计 总计 一般公共预算拨款 政府性基金拨款 国有资本经营预算拨款 财政拨款收入 事业收入
事业单位经营收入 其他收入 上级补助收入 附属单位上缴收入 用事业基金弥补收支差额 上年结转结余 结转下年 年终结转结余
上缴上级支出 对附属单位补助支出 事业单位经营支出 人员经费 公用经费 基本支出 项目支出 科目编码 科目名称 功能分类科目
功能分类科目编码 功能分类科目名称 部门预算支出经济科目名称 政府预算支出经济科目名称 经济分类科目 支出经济分类 支出功能分类
预算数 决算数 执行数 金额 项目 单位名称 部门名称 预算单位 编制部门 主管部门 实施单位 单位 万元 元 年度 本年 上年 增加
减少 增长 下降 持平 “三公”经费 三公经费 因公出国（境）费 公务用车购置及运行（维护）费 公务用车购置及运行费 公务用车购置费
公务用车运行维护费 公务用车运行费 公务接待费 机关运行经费 政府采购 政府采购预算 政府购买服务
绩效目标 年度目标 年度绩效目标 总体目标 年度总体目标 绩效指标 一级指标 二级指标 三级指标 指标值 指标内容 产出指标 效益指标
满意度指标 数量指标 质量指标 时效指标 成本指标 经济成本指标 社会效益指标 经济效益指标 生态效益指标 可持续影响指标
服务对象满意度指标 项目名称 项目资金 年度资金总额 资金申请 其中 其他资金 项目类型 一次性项目 经常性项目 延续性项目 单位自筹
省级 市级 县级 区级 乡镇 市县（区） 预算部门 部门（单位） 市级预算部门 县级预算部门 财政资金 中央财政资金 省级财政资金
市县（区）财政资金 项目概况 立项依据 实施主体 实施方案 实施周期 年度实施计划 项目总额 项目当年预算 目标 指标 说明 备注 本表无数据
`;

/**
 * The items of the national 政府采购品目分类目录 (货物 A, 工程 B, 服务 C) that 政府采购预算表 print as
 * 采购品目 or 采购物品名称 — the classification's names, like the subject names, not one document's.
 */
const PROCUREMENT_WORDS = `
台式计算机 便携式计算机 计算机设备 服务器 打印设备 复印机 多功能一体机 投影仪 扫描仪 照相机 摄像机 空调机 电视机 碎纸机
办公设备 办公家具 家具用具 图书和档案 办公消耗用品 纸制品 复印纸 车辆 乘用车 网络设备 交换机 路由器 防火墙 存储设备
计算机软件 基础软件 应用软件 信息安全设备 通信设备 视频会议系统设备 不间断电源 电气设备 医疗设备 印刷品
房屋施工 装修工程 修缮工程 工程设备安装 其他建筑工程
会议服务 印刷服务 印刷和出版服务 物业管理服务 车辆维修和保养服务 车辆加油服务 机动车保险服务 保险服务 运行维护服务
信息技术服务 信息系统集成实施服务 软件开发服务 数据处理服务 培训服务 审计服务 法律服务 咨询服务 广告服务 餐饮服务
住宿服务 专业技术服务 工程监理服务 租赁服务 计算机设备维修和保养服务 办公设备维修和保养服务 维修和保养服务
计算机设备和软件租赁服务 办公设备租赁服务 车辆及其他运输机械租赁服务
其他货物 其他工程 其他服务
`;

/** code → the names printed beside it (most printed first), renames included. */
function loadSubjectNames(): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  const add = (code: string, printed: string) => {
    // in the full-width form the OCR text is given in (ocr-text.ts)
    const name = widen(printed);
    const names = byCode.get(code) ?? [];
    if (!names.includes(name)) names.push(name);
    byCode.set(code, names);
  };
  const file = projectDataFile('subject-names.csv', import.meta.url);
  if (file) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [code, name] = line.split(',');
      if (code && name) add(code, name);
    }
  }
  for (const s of SUBJECT_NAMES) for (const n of [s.name, ...s.former]) add(s.code, n);
  return byCode;
}

export const SUBJECT_NAMES_BY_CODE: ReadonlyMap<string, readonly string[]> = loadSubjectNames();

/** 一般公共预算基本支出分经济科目表 / 经济分类预算表 → both; 财政拨款基本支出预算表（经济科目） → with and without the note. */
const titleWords = (name: string) => name.split(' / ').flatMap((n) => [n, n.replace(/（[^）]*）$/, '')]);

/** the words of headers and titles: the templates' words, the procurement items, the registry's titles and the columns it requires */
export const HEADER_WORDS: ReadonlySet<string> = new Set(
  [...TEMPLATE_WORDS.split(/\s+/), ...PROCUREMENT_WORDS.split(/\s+/), ...TABLE_KIND_DEFS.flatMap((d) => [...titleWords(d.name), ...(d.columns ?? []).map(([, name]) => name)])]
    .filter((w) => w.length >= 2)
    .map(widen),
);

export const BUDGET_WORDS: ReadonlySet<string> = new Set([...HEADER_WORDS, ...[...SUBJECT_NAMES_BY_CODE.values()].flat().filter((w) => w.length >= 2).map(widen)]);

export const LONGEST_WORD = Math.max(...[...BUDGET_WORDS].map((w) => w.length));

/** the registry's titles as printed (both names of a kind, with and without a closing note) */
const TABLE_TITLES: readonly string[] = [...new Set(TABLE_KIND_DEFS.flatMap((d) => titleWords(d.name)).map(widen))];
const TABLE_PATTERNS: readonly RegExp[] = TABLE_KIND_DEFS.flatMap((d) => d.patterns);
/** a line that is a registry title as a whole: one of its names, or all of it one kind's pattern (收入预算总表) */
export function isRegistryTitle(text: string): boolean {
  return TABLE_TITLES.includes(text) || TABLE_PATTERNS.some((p) => p.exec(text)?.[0] === text);
}

/**
 * A line that names a kind of the registry the way segmentation finds it: a title (ending 表)
 * one of whose kind patterns it contains (2026年部门收入预算总表 holds 收入预算总表).
 */
export function namesKind(text: string): boolean {
  return /表$/.test(text) && TABLE_PATTERNS.some((p) => p.test(text));
}

/** a truncated title is at least this long: shorter ends (总表, 算表) are parts of any title */
const MIN_TITLE_END = 4;

/**
 * The registry title that a line ends like when the line is not itself a title: 支预算总表 is
 * the end of 财务收支预算总表 and names no kind, and 政拨款收支总表 is the end of 财政拨款收支总表
 * and names a kind only in part (收支总表), so characters at their start were most likely not read
 * (the detector left them out). A line that is a title as a whole — a registry name, or all of it
 * one kind's pattern (收支预算总表) — is not one. Nothing is put in: the caller reports the line.
 */
export function truncatedTitle(text: string): string | undefined {
  const t = widen(text.replace(/\s+/g, ''));
  if (Array.from(t).length < MIN_TITLE_END || !t.endsWith('表')) return undefined;
  if (isRegistryTitle(t)) return undefined;
  // the shortest: the fewest characters not read
  return TABLE_TITLES.filter((name) => name.length > t.length && name.endsWith(t)).sort((a, b) => a.length - b.length)[0];
}
