import { slug } from 'github-slugger';
import type { Heading, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ProblemList } from './problems';

export interface QuestionHeading {
	/** From `{#id}`, else the slug of the heading text; null when neither gives one. */
	id: string | null;
	multiple: boolean;
	/** The heading's content without the `{…}` marker. */
	content: PhrasingContent[];
	text: string;
	line: number;
}

const MARKER = /\s*\{([^{}]*)\}\s*$/;
const QUESTION_ID = /^[\p{L}\p{N}_-]+$/u;

/** Reads `## Text {#id .multiple}`: the question text, its ID and the multiple-choice mark. */
export function readQuestionHeading(
	heading: Heading,
	file: string,
	problems: ProblemList
): QuestionHeading {
	const line = heading.position?.start.line ?? 1;
	const content = structuredClone(heading.children);
	let explicitId: string | null = null;
	let multiple = false;

	const marker = MARKER.exec(toString(heading));
	if (marker) {
		const last = content[content.length - 1];
		if (last?.type === 'text' && MARKER.test(last.value)) {
			last.value = last.value.replace(MARKER, '');
			if (last.value === '') content.pop();
			for (const token of (marker[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
				if (token === '.multiple') multiple = true;
				else if (token.startsWith('#') && QUESTION_ID.test(token.slice(1))) {
					explicitId = token.slice(1);
				} else if (token.startsWith('#')) {
					problems.error(
						file,
						line,
						`Ungültige Fragen-ID „${token.slice(1)}“: erlaubt sind Buchstaben, Ziffern, - und _.`
					);
				} else {
					problems.error(
						file,
						line,
						`Unbekanntes Merkmal „${token}“ in der Überschrift; erlaubt sind {#id} und {.multiple}.`
					);
				}
			}
		} else {
			problems.error(file, line, 'Das Merkmal {…} muss am Ende der Überschrift stehen.');
		}
	}

	const text = toString({ type: 'paragraph', children: content }).trim();
	if (text === '') problems.error(file, line, 'Die Frage hat keinen Text.');
	const id = explicitId ?? (slug(text) || null);
	if (id === null && text !== '') {
		problems.error(
			file,
			line,
			'Aus dem Fragetext lässt sich keine ID bilden: bitte {#id} ans Ende der Überschrift setzen.'
		);
	}
	return { id, multiple, content, text, line };
}
