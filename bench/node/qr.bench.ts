// QR decoding on the shared fixture images: Keyfob's decodeQrCodes against plain jsQR
// (`attemptBoth`, full image) in the same run. Each image is decoded ROUNDS times per decoder,
// interleaved; times are per-image medians, counts come from the median round.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import jsQR from 'jsqr';
import { decodeQrCodes } from '../../lib/qr';
import { loadImage, type RgbaImage } from '../../lib/qr/test-images';
import { median, type Row } from './shared';

export const groups = ['qr'];

const ROUNDS = Number(process.env.QR_BENCH_ROUNDS ?? 3);

interface Fixture {
  file: string;
  img: RgbaImage;
  want: string[];
}
type Decoder = (img: RgbaImage) => string[];

const decoders: Record<string, Decoder> = {
  'Keyfob decodeQrCodes': (img) => decodeQrCodes(img),
  // jsQR 1.4 stores passed options in shared defaults: always pass inversionAttempts.
  'plain jsQR attemptBoth': (img) => {
    const r = jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' });
    return r ? [r.data] : [];
  },
};

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

export async function run(want: (group: string) => boolean): Promise<Row[]> {
  if (!want('qr')) return [];
  const fixtures = loadFixtures();
  // Warm the JIT on a few images so the first fixture does not pay for compilation.
  for (const f of fixtures.slice(0, 5)) for (const d of Object.values(decoders)) d(f.img);
  const load = loadavg()[0] ?? 0;
  const times = new Map<string, number[][]>(); // decoder → per fixture → ms per round
  const found = new Map<string, string[][][]>(); // decoder → round → per fixture → texts
  for (const name of Object.keys(decoders)) {
    times.set(
      name,
      fixtures.map(() => []),
    );
    found.set(name, []);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(decoders)) found.get(name)?.push([]);
    fixtures.forEach((f, i) => {
      for (const [name, decode] of Object.entries(decoders)) {
        const t0 = performance.now();
        const texts = decode(f.img);
        times.get(name)?.[i]?.push(performance.now() - t0);
        found.get(name)?.[round]?.push(texts);
      }
    });
  }
  const rows: Row[] = [];
  for (const name of Object.keys(decoders)) {
    rows.push(...summarise(name, fixtures, times.get(name) ?? [], found.get(name) ?? []));
  }
  rows.push({
    group: 'qr',
    name: 'machine load (1-min average) at the start of the timed rounds',
    value: load.toFixed(1),
    unit: '',
  });
  return rows;
}

function summarise(name: string, fixtures: Fixture[], times: number[][], rounds: string[][][]): Row[] {
  const withCodes = fixtures.filter((f) => f.want.length > 0);
  const multi = fixtures.filter((f) => f.want.length > 1);
  const perRound = rounds.map((texts) => {
    const full = (f: Fixture): boolean => f.want.every((w) => texts[fixtures.indexOf(f)]?.includes(w));
    return {
      decoded: withCodes.filter(full).length,
      multi: multi.filter(full).length,
      // Any text on a no-code image, or a text the image does not hold.
      wrong: fixtures.filter((f, i) => (texts[i] ?? []).some((t) => !f.want.includes(t))).length,
    };
  });
  perRound.sort((a, b) => a.decoded - b.decoded);
  const mid = perRound[perRound.length >> 1] ?? { decoded: 0, multi: 0, wrong: 0 };
  const medians = times.map((ts) => median(ts));
  const hd = medians.filter((_, i) => fixtures[i]?.img.width === 1920 && fixtures[i]?.img.height === 1080);
  const big = medians.filter((_, i) => (fixtures[i]?.img.width ?? 0) >= 3840);
  const failed = withCodes.filter((f) => {
    const i = fixtures.indexOf(f);
    return !f.want.every((w) => rounds[0]?.[i]?.includes(w));
  });
  return [
    {
      group: 'qr',
      name: `${name}: images decoded`,
      value: `${mid.decoded}/${withCodes.length}`,
      unit: '',
      target: '> ZXing 56/61',
    },
    {
      group: 'qr',
      name: `${name}: two-code images, both found`,
      value: `${mid.multi}/${multi.length}`,
      unit: '',
      target: '3/3',
    },
    {
      group: 'qr',
      name: `${name}: images with a wrong or false-positive text`,
      value: String(mid.wrong),
      unit: '',
      target: '0',
    },
    { group: 'qr', name: `${name}: median per image`, value: median(medians), unit: 'ms' },
    { group: 'qr', name: `${name}: worst image`, value: Math.max(...medians), unit: 'ms' },
    {
      group: 'qr',
      name: `${name}: worst 1920×1080 image`,
      value: Math.max(...hd),
      unit: 'ms',
      target: '≤ 250',
    },
    { group: 'qr', name: `${name}: worst 3840×2160 image`, value: Math.max(...big), unit: 'ms' },
    {
      group: 'qr',
      name: `${name}: not decoded (round 1)`,
      value: failed.map((f) => f.file).join(' ') || '-',
      unit: '',
    },
  ];
}
