import type { ElementContent } from 'hast';
import type { Paragraph } from 'mdast';
import { visit } from 'unist-util-visit';
import { hastToHtml, parseMarkdown, toSanitisedHast, type UrlRewriter } from './markdown';
import type { ProblemList } from './problems';
import type { QuizQuestion } from '$lib/content/quiz-types';

type ClozePart = Extract<QuizQuestion, { type: 'cloze' }>['parts'][number];

interface Gap {
	/** Offsets in the raw file. */
	start: number;
	end: number;
	inner: string;
}

// Gaps are found in the paragraph's source, not in its syntax tree: remark splits `[[…]]`
// across text nodes, link references and autolinks, but the source keeps it whole.
const GAP = /\[\[((?:[^[\]\\]|\\.)*)\]\]/g;
const PLACEHOLDER = /\uE000(\d+)\uE001/;

export function findGaps(paragraph: Paragraph, raw: string): Gap[] {
	const from = paragraph.position?.start.offset;
	const to = paragraph.position?.end.offset;
	if (from === undefined || to === undefined) return [];
	const literal: [number, number][] = [];
	visit(paragraph, (node) => {
		if ((node.type === 'inlineCode' || node.type === 'html') && node.position) {
			literal.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
		}
	});
	const gaps: Gap[] = [];
	for (const match of raw.slice(from, to).matchAll(GAP)) {
		const start = from + match.index;
		const end = start + match[0].length;
		if (raw[start - 1] === '\\') continue;
		if (literal.some(([a, b]) => start < b && end > a)) continue;
		gaps.push({ start, end, inner: match[1] ?? '' });
	}
	return gaps;
}

function gapAnswers(inner: string): string[] {
	return inner
		.split(/(?<!\\)\|/)
		.map((answer) =>
			answer
				.replace(/\\(.)/g, '$1')
				.trim()
				.replace(/^(\*{1,2}|_{1,2})(.+)\1$/, '$2')
				.trim()
		)
		.filter((answer) => answer !== '');
}

export interface ClozeInput {
	paragraph: Paragraph;
	gaps: Gap[];
	raw: string;
	file: string;
	problems: ProblemList;
	lineAt: (offset: number) => number;
	rewriteUrl?: UrlRewriter;
}

/** Splits a paragraph with `[[answer|alternative]]` gaps into text parts and gaps. */
export function buildClozeParts(input: ClozeInput): ClozePart[] {
	const { paragraph, gaps, raw, file, problems } = input;
	const from = paragraph.position?.start.offset ?? 0;
	const to = paragraph.position?.end.offset ?? raw.length;
	let source = '';
	let cursor = from;
	gaps.forEach((gap, index) => {
		source += raw.slice(cursor, gap.start) + `\uE000${index}\uE001`;
		cursor = gap.end;
	});
	source += raw.slice(cursor, to);

	const answers = gaps.map((gap) => {
		const list = gapAnswers(gap.inner);
		if (list.length === 0) problems.error(file, input.lineAt(gap.start), 'Lücke ohne Lösung.');
		return list;
	});

	const hast = toSanitisedHast(parseMarkdown(source).children, input.rewriteUrl);
	const block = hast.children.find((node) => node.type === 'element');
	const children: ElementContent[] = block && block.type === 'element' ? block.children : [];
	const parts: ClozePart[] = [];
	let pending: ElementContent[] = [];
	const flush = () => {
		const html = hastToHtml(pending);
		if (html !== '') parts.push({ kind: 'text', html });
		pending = [];
	};
	for (const child of children) {
		if (child.type !== 'text' || !PLACEHOLDER.test(child.value)) {
			pending.push(child);
			continue;
		}
		const pieces = child.value.split(new RegExp(PLACEHOLDER.source));
		pieces.forEach((piece, position) => {
			if (position % 2 === 0) {
				if (piece !== '') pending.push({ type: 'text', value: piece });
				return;
			}
			flush();
			const index = Number(piece);
			parts.push({ kind: 'gap', id: `g${index + 1}`, answers: answers[index] ?? [] });
		});
	}
	flush();

	if (parts.some((part) => part.kind === 'text' && PLACEHOLDER.test(part.html))) {
		problems.error(
			file,
			paragraph.position?.start.line ?? 1,
			'Eine Lücke darf nicht innerhalb einer Hervorhebung oder eines Links stehen.'
		);
	}
	return parts;
}
