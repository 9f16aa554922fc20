import type { Blockquote, List, ListItem, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { renderBlocks, renderInline, type UrlRewriter } from './markdown';
import type { QuizBodyInput } from './quiz';
import type { QuestionHeading } from './quiz-heading';
import type { QuizQuestion } from '$lib/content/quiz-types';

// The answer parts of choice, ordering and matching questions (cloze: quiz-cloze.ts).

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;

export type QuestionBase = { id: string; promptHtml: string; feedbackHtml?: string };

/** An option's or step's content; a single paragraph becomes inline HTML (for labels). */
function itemHtml(item: ListItem, rewrite: UrlRewriter | undefined): string {
	const content = item.children.filter((node) => node.type !== 'blockquote');
	if (content.length === 1 && content[0]?.type === 'paragraph') {
		return renderInline(content[0].children, rewrite);
	}
	return renderBlocks(content, rewrite);
}

export function parseChoice(
	base: QuestionBase,
	heading: QuestionHeading,
	list: List,
	input: QuizBodyInput
): QuizQuestion {
	const { file, problems } = input;
	const label = heading.text;
	const options = list.children.map((item, index) => {
		// GFM reads `- [ ]` without text as a plain item whose text is "[ ]".
		const bareBox =
			typeof item.checked !== 'boolean' && /^\[[ xX]?\]$/.test(toString(item).trim());
		if (typeof item.checked !== 'boolean' && !bareBox) {
			problems.error(
				file,
				lineOf(item),
				`Jede Antwortoption der Frage „${label}“ braucht [ ] oder [x].`
			);
		}
		const html = bareBox ? '' : itemHtml(item, input.rewriteUrl);
		if (html === '') problems.error(file, lineOf(item), `Leere Antwortoption in der Frage „${label}“.`);
		const quotes = item.children.filter((node): node is Blockquote => node.type === 'blockquote');
		const feedbackHtml = quotes.length
			? renderBlocks(quotes.flatMap((quote) => quote.children), input.rewriteUrl)
			: undefined;
		return {
			id: `o${index + 1}`,
			html,
			correct: item.checked === true,
			...(feedbackHtml ? { feedbackHtml } : {})
		};
	});
	const correct = options.filter((option) => option.correct).length;
	if (options.length < 2) {
		problems.error(file, lineOf(list), `Die Frage „${label}“ braucht mindestens zwei Antwortoptionen.`);
	}
	if (correct === 0) {
		problems.error(file, heading.line, `Die Frage „${label}“ hat keine richtige Antwort.`);
	} else if (!heading.multiple && correct > 1) {
		problems.error(
			file,
			heading.line,
			`Die Frage „${label}“ hat ${correct} richtige Antworten, erlaubt ist eine. Für Mehrfachauswahl die Überschrift mit {.multiple} markieren.`
		);
	}
	return { ...base, type: heading.multiple ? 'multiple' : 'single', options };
}

export function parseOrdering(
	base: QuestionBase,
	label: string,
	list: List,
	input: QuizBodyInput
): QuizQuestion {
	const steps = list.children.map((item, index) => ({
		id: `s${index + 1}`,
		html: itemHtml(item, input.rewriteUrl)
	}));
	if (steps.length < 2) {
		input.problems.error(
			input.file,
			lineOf(list),
			`Die Reihenfolge-Frage „${label}“ braucht mindestens zwei Schritte.`
		);
	}
	reportDuplicates(
		list.children.map((item) => toString(item).trim()),
		list.children,
		(text) => `Der Schritt „${text}“ kommt in der Frage „${label}“ doppelt vor.`,
		input
	);
	return { ...base, type: 'ordering', steps };
}

export function parseMatching(
	base: QuestionBase,
	label: string,
	table: Table,
	input: QuizBodyInput
): QuizQuestion {
	const [header, ...rows] = table.children;
	const pairs = rows.map((row, index) => {
		const [left, right] = row.children;
		const rightText = right ? toString(right).trim() : '';
		const leftHtml = left ? renderInline(left.children, input.rewriteUrl) : '';
		if (leftHtml === '' || rightText === '') {
			input.problems.error(input.file, lineOf(row), `Leere Zelle in der Zuordnung „${label}“.`);
		}
		return { id: `p${index + 1}`, leftHtml, right: rightText };
	});
	if (pairs.length < 2) {
		input.problems.error(
			input.file,
			lineOf(table),
			`Die Zuordnung „${label}“ braucht mindestens zwei Zeilen unter der Kopfzeile.`
		);
	}
	reportDuplicates(
		rows.map((row) => (row.children[0] ? toString(row.children[0]).trim() : '')),
		rows,
		(text) => `„${text}“ steht in der Zuordnung „${label}“ mehrfach links.`,
		input
	);
	return {
		...base,
		type: 'matching',
		leftHeader: header?.children[0] ? toString(header.children[0]).trim() : '',
		rightHeader: header?.children[1] ? toString(header.children[1]).trim() : '',
		pairs
	};
}

function reportDuplicates(
	texts: string[],
	nodes: { position?: { start: { line: number } } }[],
	message: (text: string) => string,
	input: QuizBodyInput
): void {
	const seen = new Set<string>();
	texts.forEach((text, index) => {
		const key = text.toLocaleLowerCase('de');
		if (text !== '' && seen.has(key)) input.problems.error(input.file, lineOf(nodes[index]!), message(text));
		seen.add(key);
	});
}
