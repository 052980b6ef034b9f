import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * The fonts invoices are written in, in order of preference: Noto Sans (Latin with its extensions, Greek,
 * Cyrillic), Noto Sans SC and KR (Chinese, Japanese kana and kanji, Korean), Noto Emoji. pdfkit's built-in
 * Helvetica knows only WinAnsi, so "Łódź Café 株式会社 🚀" came out as bytes. Each font is embedded as a subset
 * of the glyphs used, so a PDF stays small.
 */
const FONT_FILES = [
  ['NotoSans', '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'],
  ['NotoSansSC', '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  ['NotoSansKR', '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'],
  ['NotoEmoji', '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf'],
] as const;

interface Coverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const fontkit = require(require.resolve('fontkit', { paths: [require.resolve('pdfkit')] })) as {
  create(data: Buffer): Coverage;
};

/** Read once per process: the files are large (10 MB for the Chinese one) and never change. */
let loaded: { name: string; data: Buffer; coverage: Coverage }[] | null = null;
const fonts = () =>
  (loaded ??= FONT_FILES.map(([name, path]) => {
    const data = readFileSync(require.resolve(path));
    return { name, data, coverage: fontkit.create(data) };
  }));

/** Registers the fonts on a document and selects the first. */
export function useUnicodeFonts(doc: PDFKit.PDFDocument): void {
  for (const font of fonts()) doc.registerFont(font.name, font.data);
  doc.font(FONT_FILES[0][0]);
}

/** Splits text into runs, each in the first font that has a glyph for it (marks and joiners stay with their run). */
export function fontRuns(text: string): { font: string; text: string }[] {
  const runs: { font: string; text: string }[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // eslint-disable-next-line no-misleading-character-class -- one code point at a time: combining marks and joiners
    const joins = /[\p{M}\u200d\ufe0e\ufe0f]/u.test(character);
    const last = runs[runs.length - 1];
    const font =
      joins && last ? last.font : (fonts().find((f) => f.coverage.hasGlyphForCodePoint(codePoint)) ?? fonts()[0]!).name;
    if (last && last.font === font) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs;
}

/** Writes one paragraph, switching fonts inside it wherever the text needs another script. */
export function writeText(doc: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  const runs = fontRuns(text);
  if (runs.length === 0) return void doc.text('', options);
  runs.forEach((run, i) => doc.font(run.font).text(run.text, { ...options, continued: i < runs.length - 1 }));
  doc.font(FONT_FILES[0][0]);
}

/**
 * An A4 document in the Unicode fonts with its heading written: `text` writes a paragraph, `done` ends the
 * document and resolves to its bytes.
 */
export function pdfDocument(title: string, heading: string) {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  useUnicodeFonts(doc);
  doc.fontSize(20).text(heading, { continued: false }).fontSize(10).moveDown(0.5);
  const done = (): Promise<Buffer> => {
    doc.end();
    return ended;
  };
  return { doc, text: (line: string) => writeText(doc, line), done };
}
