// QR decoding on the fixture images: Keyfob's decodeQrCodes side by side with ZXing-C++
// (zxing-wasm, bench/node/zxing.ts) in the same run. Each image is decoded ROUNDS times per
// decoder, interleaved; times are per-image medians. Then one more round with two CPU-spinning
// child processes beside it: the count (and, for Keyfob, every answer) must not change, since
// its budget counts work, not time.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_BUDGET, decodeQrCodes, scanQrCodes } from '../../lib/qr';
import { loadImage, type RgbaImage } from '../../lib/qr/test-images';
import { median, type Row, time } from './shared';
import { loadZxing } from './zxing';

export const groups = ['qr'];

const ROUNDS = Number(process.env.QR_BENCH_ROUNDS ?? 3);
/** "≥ 1080p": at least as many pixels as 1920×1080. */
const HD_PX = 1920 * 1080;

interface Fixture {
  file: string;
  img: RgbaImage;
  want: string[];
}
type Decoder = (img: RgbaImage) => Promise<string[]> | string[];
/** Per decoder: texts per fixture (first timed round) and ms per fixture per round. */
interface Outcome {
  texts: string[][];
  ms: number[][];
}

/** The project's tests/fixtures/qr, found from wherever the bundle runs. */
function fixtureDir(): string {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'tests', 'fixtures', 'qr');
    if (existsSync(join(candidate, 'truth.json'))) return candidate;
  }
  throw new Error('qr bench: tests/fixtures/qr not found');
}

function loadFixtures(): Fixture[] {
  const dir = fixtureDir();
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as {
    file: string;
    text: string | string[] | null;
  }[];
  return truth.map((t) => ({
    file: t.file,
    img: loadImage(join(dir, 'images', t.file)),
    want: t.text === null ? [] : Array.isArray(t.text) ? t.text : [t.text],
  }));
}

/** Decodes every fixture `rounds` times with each decoder, interleaved image by image. */
async function pass(decoders: Record<string, Decoder>, fixtures: Fixture[], rounds: number) {
  const out: Record<string, Outcome> = {};
  for (const name of Object.keys(decoders)) out[name] = { texts: [], ms: fixtures.map(() => []) };
  for (let round = 0; round < rounds; round++) {
    for (const [i, f] of fixtures.entries()) {
      for (const [name, decode] of Object.entries(decoders)) {
        const [ms, texts] = await time(() => decode(f.img));
        const o = out[name] as Outcome;
        o.ms[i]?.push(ms);
        if (round === 0) o.texts[i] = texts;
      }
    }
  }
  return out;
}

/** Two child processes spinning a core each, for the busy pass. */
function spinners(): ChildProcess[] {
  return [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

export async function run(want: (group: string) => boolean): Promise<Row[]> {
  if (!want('qr')) return [];
  const fixtures = loadFixtures();
  const decoders: Record<string, Decoder> = {
    Keyfob: (img) => decodeQrCodes(img),
    ZXing: await loadZxing(),
  };
  await pass(decoders, fixtures.slice(0, 8), 1); // warm the JIT and the wasm
  const load = loadavg()[0] ?? 0;
  const quiet = await pass(decoders, fixtures, ROUNDS);
  const busyProcs = spinners();
  let busy: Record<string, Outcome>;
  try {
    await new Promise((r) => setTimeout(r, 200));
    busy = await pass(decoders, fixtures, 1);
  } finally {
    for (const p of busyProcs) p.kill();
  }
  const rows: Row[] = [];
  const hd = fixtures.map((f) => f.img.width * f.img.height >= HD_PX);
  const stat = (o: Outcome) => {
    const per = o.ms.map((ts) => median(ts));
    // The slowest ≥1080p image by index (a smaller image with the same time is not it).
    const w = per.reduce((b, v, i) => (hd[i] && (b < 0 || v > (per[b] ?? 0)) ? i : b), -1);
    return {
      median: median(per.filter((_, i) => hd[i])),
      worst: per[w] ?? 0,
      worstFile: fixtures[w]?.file,
    };
  };
  for (const name of Object.keys(decoders)) {
    const q = quiet[name] as Outcome;
    const b = busy[name] as Outcome;
    const s = stat(q);
    const row = (figure: string, value: number | string, unit = '', target?: string): Row => ({
      group: 'qr',
      name: `${name}: ${figure}`,
      value,
      unit,
      ...(target ? { target } : {}),
    });
    const sameAnswers = fixtures.every((_, i) => sameSet(q.texts[i] ?? [], b.texts[i] ?? []));
    rows.push(
      row('images decoded (quiet)', count(fixtures, q.texts)),
      row('images decoded (2 busy processes beside it)', count(fixtures, b.texts), '', 'same as quiet'),
      row('every answer the same busy and quiet', sameAnswers ? 'yes' : 'no'),
      row('multi-code images, every code found', count(fixtures, q.texts, 2)),
      row('images with a wrong or invented text', String(wrongs(fixtures, q.texts)), '', '0'),
      row(`median per image ≥1080p (${hd.filter(Boolean).length} images)`, s.median, 'ms'),
      row(`worst image ≥1080p (${s.worstFile})`, s.worst, 'ms'),
      row('not decoded', misses(fixtures, q.texts), ''),
    );
  }
  // The work budget's margin: what the hardest image to read needed of it (lib/qr DEFAULT_BUDGET).
  const needs = fixtures.map((f) => scanQrCodes(f.img).needed);
  const hardest = needs.reduce((b, v, i) => (v > (needs[b] ?? 0) ? i : b), 0);
  rows.push({
    group: 'qr',
    name: `Keyfob: work the hardest image to read needed (${fixtures[hardest]?.file}), of the default budget`,
    value: `${((needs[hardest] ?? 0) / 1e6).toFixed(2)} M of ${(DEFAULT_BUDGET / 1e6).toFixed(2)} M`,
    unit: '',
  });
  const k = stat(quiet.Keyfob as Outcome);
  const z = stat(quiet.ZXing as Outcome);
  rows.push(
    {
      group: 'qr',
      name: 'Keyfob ÷ ZXing, median ≥1080p',
      value: (k.median / z.median).toFixed(2),
      unit: '×',
      target: '≤ 3',
    },
    {
      group: 'qr',
      name: 'Keyfob ÷ ZXing, worst ≥1080p',
      value: (k.worst / z.worst).toFixed(2),
      unit: '×',
      target: '≤ 3',
    },
    {
      group: 'qr',
      name: 'machine load (1-min average) before the timed rounds',
      value: load.toFixed(1),
      unit: '',
    },
  );
  return rows;
}

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
const full = (f: Fixture, texts: string[] | undefined) => f.want.every((w) => texts?.includes(w));

/** Images holding at least `min` codes whose every code was read, of all such images. */
function count(fs: Fixture[], texts: string[][], min = 1): string {
  const held = fs.map((f, i) => [f, i] as const).filter(([f]) => f.want.length >= min);
  return `${held.filter(([f, i]) => full(f, texts[i])).length}/${held.length}`;
}

/** Images with any text they do not hold (on a no-code image: any text at all). */
const wrongs = (fs: Fixture[], texts: string[][]): number =>
  fs.filter((f, i) => (texts[i] ?? []).some((t) => !f.want.includes(t))).length;

const misses = (fs: Fixture[], texts: string[][]): string =>
  fs
    .filter((f, i) => f.want.length > 0 && !full(f, texts[i]))
    .map((f) => f.file)
    .join(' ') || '-';
