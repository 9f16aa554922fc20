import { BoundedMap } from '../../bounded-map';

// pdfkit 0.20's EmbeddedFont.layout cuts a text into words (each with the space or tab after it),
// lays out and scales each word once per document, and joins the words' glyphs with concat, which
// copies the line so far for every word. Every certificate sets mostly the same words, so this was
// a fifth of everything a download allocated, and most of what V8 had to move to its old
// generation. This is the same loop, with each font's scaled words kept for the process (pdfkit
// never changes a laid-out word after scaling it) and without the copies.

interface Run {
	glyphs: unknown[];
	positions: unknown[];
	advanceWidth: number;
}

interface EmbeddedFontLike {
	/** The fontkit font: one object per process (see pdf-fonts.ts). */
	font: object;
	layoutRun(text: string, features: unknown): Run;
	layout(text: string, features?: unknown, onlyWidth?: boolean): Run | LayoutResult;
}

interface LayoutResult {
	glyphs: unknown[] | null;
	positions: unknown[] | null;
	advanceWidth: number;
}

const SPACE = 32;
const TAB = 9;
const patched = new WeakSet<object>();

/** Distinct words kept per font; far more than the certificates use, and still small. */
const MAX_WORDS = 4096;
const wordsByFont = new WeakMap<object, BoundedMap<string, Run>>();

function scaledWord(font: EmbeddedFontLike, word: string): Run {
	let words = wordsByFont.get(font.font);
	if (!words) {
		words = new BoundedMap<string, Run>(MAX_WORDS);
		wordsByFont.set(font.font, words);
	}
	let run = words.get(word);
	if (!run) {
		run = font.layoutRun(word, undefined);
		words.set(word, run);
	}
	return run;
}

function layout(
	this: EmbeddedFontLike,
	text: string,
	features?: unknown,
	onlyWidth?: boolean
): Run | LayoutResult {
	if (features) return this.layoutRun(text, features);
	const glyphs: unknown[] | null = onlyWidth ? null : [];
	const positions: unknown[] | null = onlyWidth ? null : [];
	let advanceWidth = 0;
	let last = 0;
	let index = 0;
	// Each word with the space or tab after it, as pdfkit cuts them (its cache keys are these).
	while (index <= text.length) {
		const code = text.charCodeAt(index);
		if ((index === text.length && last < index) || code === SPACE || code === TAB) {
			index += 1;
			const run = scaledWord(this, text.slice(last, index));
			if (glyphs && positions) {
				for (const glyph of run.glyphs) glyphs.push(glyph);
				for (const position of run.positions) positions.push(position);
			}
			advanceWidth += run.advanceWidth;
			last = index;
		} else {
			index += 1;
		}
	}
	return { glyphs, positions, advanceWidth };
}

/** Gives the class of `font` (a pdfkit EmbeddedFont) the loop above, once per process. */
export function layoutWordsWithoutCopies(font: object): void {
	const prototype = Object.getPrototypeOf(font) as Partial<EmbeddedFontLike>;
	if (patched.has(prototype)) return;
	// Another pdfkit version may have other internals: then it keeps its own loop.
	if (typeof prototype.layoutRun !== 'function' || !('font' in font)) {
		return;
	}
	patched.add(prototype);
	prototype.layout = layout;
}
