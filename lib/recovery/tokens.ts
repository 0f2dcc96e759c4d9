/**
 * Line-level tokenising for backup-code sheets and page text: clean the text, drop list markers and
 * labels, split printed columns, and refuse lines that hold prose. What is left are cells of
 * alphanumeric chunks, read as codes by candidate.ts.
 */
import { type Cell, chunkFits, MAX_CHUNKS, readCell } from './candidate';

/** Every hyphen/dash look-alike a sheet might print (non-breaking hyphen, en/em dash, minus). */
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;
/**
 * Lines typed as dashes in Japanese text — the long-vowel mark "ー" (what a Japanese keyboard gives
 * for "-"), its half-width form, box-drawing lines — are dashes only between letters or digits.
 */
const DASH_LIKE = /([A-Za-z0-9])[\u30FC\uFF70\u2500\u2501](?=[A-Za-z0-9])/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/**
 * Circled and negative-circled numbers (①–⑳, ❶–❿, ㉑–㊿). NFKC would turn "①1234-5678" into
 * "11234-5678", gluing the number onto the code, so they become "1. " first.
 */
const CIRCLED = /[\u2460-\u2473\u24EA\u24F5-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]/g;

function circledValue(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x2473) return cp - 0x2460 + 1;
  if (cp === 0x24ea || cp === 0x24ff) return 0;
  if (cp <= 0x24fe) return cp - 0x24f5 + 1;
  if (cp <= 0x2793) return ((cp - 0x2776) % 10) + 1;
  return cp <= 0x325f ? cp - 0x3251 + 21 : cp - 0x32b1 + 36;
}

/** A word of alphanumeric groups joined by single dashes: "abcd-ef12", "06390447". */
const CHUNK = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
/**
 * List markers that are not codes, as they are after NFKC: "1.", "1)", "(1)", "1:", "[1]", "【1】",
 * "1、", "#1", "No.1", a bare 1–2 digit number (no code group is that short), bullets, check boxes,
 * table bars.
 */
const MARKER =
  /^(?:[([【〔<]?\d{1,3}[.):\]】〕>、]|#\d{1,3}[.:)]?|No\.?\d{1,3}[.:)]?|\d{1,2}|[*•·‣▪◦○●■□☐☑☒✓✔✗✘|│>+\-・→▶►◆◇:]|\[[ xX✓]?\]|\[|\])$/i;
/**
 * A numbering marker or bullet glued to the code that follows: "1.4990" (from "１．４９９０"),
 * "01:1234", "【01】abcd", "・abcd-1234", and the colon of "01 ：1234".
 */
const GLUED_MARKER =
  /^(?:[*•·‣▪◦○●■□・→▶►◆◇:]|[([【〔]?\d{1,3}[.):\]】〕、]|#\d{1,3}[.:)]|No\.?\d{1,3}[.:)])([A-Za-z0-9][A-Za-z0-9-]*)$/i;
/**
 * A label before the codes: "Recovery code: …", "コード1：…" (the full-width colon needs no space
 * after it), or a leading word in a non-Latin script, perhaps numbered ("復旧コード …", "予備コード1
 * …"). A label holds a letter, so "01:1234" stays a numbered code and "【01】abcd-1234" is no label.
 */
const LABEL =
  /^\s*(?:(?=[^:]*[A-Za-z\u00C0-\uFFFF])[^:\s]{1,24}(?:\s[^:\s]{1,24}){0,2}:\s*|[\u0080-\uFFFF]{1,24}\d{0,3}\s+)/;
/**
 * Most lines of a page hold neither a digit nor a dash-joined word, so they cannot hold a code
 * (letters-only codes are always grouped, "wrxm-naqi"): they are prose without further reading.
 */
const MAY_HOLD_CODE = /\d|[A-Za-z0-9]-[A-Za-z0-9]/;
/** Quotes or backticks around a code ("…", `…`, 「…」), and a JSON array's brackets. */
const WRAPPED_START = /^\[?["'`「『]/;
const WRAPPED_END = /["'`」』]\]?$/;
/** A list separator after a code: "abcd-1234, efgh-5678; …" */
const LIST_END = /[,;、]$/;

/**
 * The compatibility characters that matter for codes: full-width ASCII ("１２３４", "：", "（"), the
 * ideographic and other wide spaces, "№", and parenthesized or dotted numbers ("⑴", "⒈"). Folding
 * only these by NFKC, not the whole text, keeps a 200 KB page fast; the result is the same for
 * everything a code or a list marker is made of.
 */
const COMPAT = /[\u00A0\u2000-\u200A\u202F\u205F\u2116\u2474-\u249B\u3000\uFF01-\uFF5E]+/g;

/** NFKC of a run of compatibility characters; runs repeat ("：", "（", "　"), so they are memoised. */
const folded = new Map<string, string>();
function fold(s: string): string {
  let out = folded.get(s);
  if (out === undefined) {
    out = s.normalize('NFKC');
    if (folded.size < 4096) folded.set(s, out);
  }
  return out;
}

/**
 * Normalise what the user pasted: circled numbers, full-width forms (NFKC), dashes, invisibles.
 * @see https://www.unicode.org/reports/tr15/ (NFKC)
 */
export function cleanText(text: string): string {
  return text
    .replace(CIRCLED, (ch) => ` ${circledValue(ch)}. `)
    .replace(COMPAT, fold)
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(DASH_LIKE, '$1-');
}

/** One line read: its cells, and whether it holds prose (then `cells` are those before the prose). */
export interface Line {
  cells: Cell[];
  prose: boolean;
  /** the cells follow a label ("ID: …", "コード1：…") */
  labelled?: boolean;
}

const NON_LATIN_START = /^\s*[\u0080-\uFFFF]/;
/**
 * Characters a line of codes never holds outside its label: not alphanumerics, spaces, dashes,
 * list markers, quotes or list separators. Most lines of a page have one early (Japanese text,
 * "@", "/", "$", "?"), which ends the reading there.
 */
const NOT_IN_CODE_LINE = /[^A-Za-z0-9\s\-.():[\]【】〔〕<>、#*•·‣▪◦○●■□☐☑☒✓✔✗✘|│+・→▶►◆◇"'`「」『』,;]/;

const WORDS = /\S+/g;

const PROSE: Line = Object.freeze({ cells: [], prose: true });
const BLANK: Line = Object.freeze({ cells: [], prose: false });

/**
 * Split one cleaned line into cells (none for a blank line or one holding only markers). Any word
 * that is neither a chunk nor a list marker (punctuation, "@", "://", "(555)", non-Latin text after
 * the label) makes the line prose, which is what keeps order numbers, phone numbers, URLs and
 * numbers in sentences out of the result — and what skips a code annotated "(used …)" or "- used".
 * The cells read before such a word are kept so that the annotated code still holds its sheet
 * together.
 * @see https://qa.nicovideo.jp/faq/show/4500 (niconico backup codes, numbered full-width sheets)
 */
export function readLine(line: string): Line {
  if (!MAY_HOLD_CODE.test(line)) return /\S/.test(line) ? PROSE : BLANK;
  let body = line.includes(':') || NON_LATIN_START.test(line) ? line.replace(LABEL, '') : line;
  // a label has a word in it; a bullet or check box taken off by LABEL is no label
  const labelled = body.length < line.length && /\p{L}/u.test(line.slice(0, line.length - body.length));
  // Words from the first character no code line holds on are prose; only what precedes is read.
  const bad = body.search(NOT_IN_CODE_LINE);
  if (bad >= 0) body = body.slice(0, bad);
  if (/[,;、]/.test(body)) body = body.replace(/[,;、](?=\S)/g, '$& ');
  const cells: Cell[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) cells.push(readCell(current));
    current = [];
  };
  const words = WORDS;
  words.lastIndex = 0;
  let end = -1;
  for (let m = words.exec(body); m !== null; m = words.exec(body)) {
    const word = m[0];
    // Two or more spaces or a tab separate printed columns.
    if (end >= 0 && (m.index - end > 1 || body[end] === '\t')) flush();
    end = m.index + word.length;
    if (MARKER.test(word)) {
      flush();
      continue;
    }
    const listEnd = LIST_END.test(word);
    let chunk = listEnd ? word.slice(0, -1) : word;
    if (WRAPPED_START.test(chunk) && WRAPPED_END.test(chunk)) {
      chunk = chunk.slice(1, -1).replace(/^["'`]|["'`]$/g, '');
    }
    const glued = GLUED_MARKER.exec(chunk);
    if (glued) {
      flush();
      chunk = glued[1] ?? '';
    }
    // A non-code word, or a sentence of code-like words too long to be a row of codes, is prose.
    if (!CHUNK.test(chunk) || !chunkFits(chunk) || current.length >= MAX_CHUNKS) {
      return { cells, prose: true, labelled };
    }
    current.push(chunk);
    if (listEnd) flush();
  }
  if (bad >= 0) return { cells, prose: true, labelled };
  flush();
  // A word that cannot be read as (part of) a code — "used", "Copy", "Step" — makes it prose too.
  const read = cells.filter((c) => c.byK.size > 0);
  return { cells: read, prose: read.length < cells.length, labelled };
}
