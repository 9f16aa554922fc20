import type { Frontmatter } from './frontmatter';
import type { ProblemList } from './problems';

// The studio's templates for new pages ask the author for text with these prompts. They are valid
// content, so a page published unedited would show the question to learners: the check warns
// while a prompt is still in a file. Templates and check share these constants, so a reworded
// prompt is still found.

/** Prompts that stand as a frontmatter field's value. */
export const FIELD_PROMPTS = {
	courseSummary: 'Worum geht es in diesem Kurs? Ein bis zwei Sätze für die Kursübersicht.',
	moduleSummary: 'Was lernen die Teilnehmenden in diesem Modul?'
} as const;

/** Prompts that stand as a line of the body (a paragraph, a quiz option, its feedback). */
export const BODY_PROMPTS = {
	lessonText: 'Schreiben Sie hier den Text der Lektion.',
	assignmentText: 'Beschreiben Sie, was die Teilnehmenden in ihrer Praxis tun und was sie abgeben.',
	rightOption: 'Die richtige Antwort',
	rightFeedback: 'Rückmeldung zu dieser Antwort.',
	wrongOption: 'Eine falsche Antwort',
	wrongFeedback: 'Warum diese Antwort nicht stimmt.'
} as const;

const fieldPrompts: readonly string[] = Object.values(FIELD_PROMPTS);
const bodyPrompts: readonly string[] = Object.values(BODY_PROMPTS);

/** A line's text without list, task-list and quote markers: `  > - [x] Text` → `Text`. */
const lineText = (line: string) => line.replace(/^(?:\s*(?:>|[-*+]|\d+\.)(?=\s)|\s*\[[ xX]\](?=\s))*\s*/, '').trim();

export function warnTemplatePrompts(
	raw: string,
	frontmatter: Frontmatter,
	file: string,
	problems: ProblemList
): void {
	const data = frontmatter.data;
	if (data && typeof data === 'object') {
		for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
			if (typeof value !== 'string' || !fieldPrompts.includes(value.trim())) continue;
			problems.warning(
				file,
				frontmatter.lineOf([key]),
				`„${key}“ ist noch der Platzhalter der Vorlage („${value.trim()}“), den sonst auch die Lernenden lesen. Bitte ersetzen Sie ihn durch Ihren eigenen Text.`
			);
		}
	}
	raw.split('\n').forEach((line, index) => {
		const text = lineText(line);
		if (!bodyPrompts.includes(text)) return;
		problems.warning(
			file,
			index + 1,
			`Hier steht noch der Platzhalter der Vorlage („${text}“), den sonst auch die Lernenden lesen. Bitte ersetzen Sie ihn durch Ihren eigenen Text.`
		);
	});
}
