import type { Blockquote, Heading, List, Paragraph, Root, RootContent, Table } from 'mdast';
import { renderBlocks, renderInline, type UrlRewriter } from './markdown';
import type { ProblemList } from './problems';
import { parseChoice, parseMatching, parseOrdering } from './quiz-answers';
import { buildClozeParts, findGaps } from './quiz-cloze';
import { readQuestionHeading, type QuestionHeading } from './quiz-heading';
import type { QuizQuestion } from '$lib/content/quiz-types';

export interface QuizBodyInput {
	tree: Root;
	raw: string;
	file: string;
	problems: ProblemList;
	lineAt: (offset: number) => number;
	rewriteUrl?: UrlRewriter;
}

type AnswerKind = 'choice' | 'cloze' | 'matching' | 'ordering';

const kindNames: Record<AnswerKind, string> = {
	choice: 'Ankreuzliste',
	cloze: 'Lückentext',
	matching: 'Zuordnungstabelle',
	ordering: 'nummerierte Liste'
};

/** Nodes that carry nothing a learner would see. */
const invisible = (node: RootContent) =>
	node.type === 'definition' || (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim()));

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;

/** Splits a quiz body into questions (one per `##` heading) and parses each. */
export function parseQuizBody(input: QuizBodyInput): QuizQuestion[] {
	const sections: { heading: Heading; nodes: RootContent[] }[] = [];
	const intro: RootContent[] = [];
	for (const node of input.tree.children) {
		if (node.type === 'yaml') continue;
		if (node.type === 'heading' && node.depth === 2) sections.push({ heading: node, nodes: [] });
		else (sections[sections.length - 1]?.nodes ?? intro).push(node);
	}
	const shownIntro = intro.filter((node) => !invisible(node));
	if (shownIntro[0]) {
		input.problems.warning(
			input.file,
			lineOf(shownIntro[0]),
			'Inhalt vor der ersten Frage (##) wird im Quiz nicht angezeigt.'
		);
	}
	if (sections.length === 0) {
		input.problems.error(input.file, 1, 'Das Quiz enthält keine Fragen (## Überschriften).');
	}

	const seen = new Map<string, string>();
	const questions: QuizQuestion[] = [];
	for (const section of sections) {
		const heading = readQuestionHeading(section.heading, input.file, input.problems);
		if (heading.id !== null) {
			const earlier = seen.get(heading.id);
			// Named by its text, not its line: the studio counts the lines of the text field.
			if (earlier !== undefined) {
				input.problems.error(
					input.file,
					heading.line,
					`Doppelte Fragen-ID „${heading.id}“: Die Frage „${earlier}“ weiter oben hat dieselbe.`
				);
			} else seen.set(heading.id, heading.text);
		}
		const question = parseQuestion(heading, section.nodes, input);
		if (question) questions.push(question);
	}
	return questions;
}

function answerKind(node: RootContent, input: QuizBodyInput): AnswerKind | null {
	if (node.type === 'list') {
		if (node.children.some((item) => typeof item.checked === 'boolean')) return 'choice';
		return node.ordered ? 'ordering' : null;
	}
	if (node.type === 'table') return node.children[0]?.children.length === 2 ? 'matching' : null;
	if (node.type === 'paragraph') return findGaps(node, input.raw).length > 0 ? 'cloze' : null;
	return null;
}

function parseQuestion(
	heading: QuestionHeading,
	nodes: RootContent[],
	input: QuizBodyInput
): QuizQuestion | null {
	const { file, problems } = input;
	const label = heading.text;
	const candidates = nodes
		.map((node, index) => ({ node, index, kind: answerKind(node, input) }))
		.filter((entry): entry is { node: RootContent; index: number; kind: AnswerKind } => !!entry.kind);

	if (candidates.length === 0) {
		problems.error(
			file,
			heading.line,
			`Die Frage „${label}“ hat keinen erkennbaren Antwortteil (Ankreuzliste, Lücken [[…]], zweispaltige Tabelle oder nummerierte Liste).`
		);
		return null;
	}
	// The last candidate answers the question. Lists and tables before it are question text (the
	// contract: any other Markdown before the options); task lists and gaps there are mistakes.
	const answer = candidates[candidates.length - 1]!;
	const conflicting = candidates
		.slice(0, -1)
		.filter((entry) => entry.kind === 'choice' || entry.kind === 'cloze');
	if (conflicting.some((entry) => entry.kind !== answer.kind)) {
		const kinds = [...new Set([...conflicting, answer].map((entry) => kindNames[entry.kind]))];
		problems.error(
			file,
			heading.line,
			`Die Frage „${label}“ mischt mehrere Antwortformen (${kinds.join(', ')}); erlaubt ist eine pro Frage.`
		);
		return null;
	}
	if (conflicting.length > 0) {
		problems.error(
			file,
			lineOf(answer.node),
			`Die Frage „${label}“ hat mehrere Antwortteile (${conflicting.length + 1} × ${kindNames[answer.kind]}); erlaubt ist einer pro Frage.`
		);
		return null;
	}
	if (heading.multiple && answer.kind !== 'choice') {
		problems.error(file, heading.line, '„.multiple“ gilt nur für Fragen mit Ankreuzliste.');
	}

	const after = nodes.slice(answer.index + 1).filter((node) => !invisible(node));
	const feedback = after.filter((node): node is Blockquote => node.type === 'blockquote');
	const stray = after.find((node) => node.type !== 'blockquote');
	if (stray) {
		problems.error(
			file,
			lineOf(stray),
			`Nach den Antworten der Frage „${label}“ ist nur ein Zitat (> …) als Rückmeldung erlaubt.`
		);
	}

	const rewrite = input.rewriteUrl;
	const promptHtml =
		`<p>${renderInline(heading.content, rewrite)}</p>` +
		renderBlocks(nodes.slice(0, answer.index), rewrite);
	const feedbackHtml = feedback.length
		? renderBlocks(feedback.flatMap((quote) => quote.children), rewrite)
		: undefined;
	const base = { id: heading.id ?? '', promptHtml, ...(feedbackHtml ? { feedbackHtml } : {}) };

	switch (answer.kind) {
		case 'choice':
			return parseChoice(base, heading, answer.node as List, input);
		case 'ordering':
			return parseOrdering(base, label, answer.node as List, input);
		case 'matching':
			return parseMatching(base, label, answer.node as Table, input);
		case 'cloze': {
			const paragraph = answer.node as Paragraph;
			const gaps = findGaps(paragraph, input.raw);
			return { ...base, type: 'cloze', parts: buildClozeParts({ ...input, paragraph, gaps }) };
		}
	}
}
