import { ID_PATTERN } from '../content/layout.js';
import { BODY_PROMPTS, FIELD_PROMPTS } from '../content/template-prompts';

// Starting points for new pages: valid against the content contract, with short German prompts
// the author replaces (the check warns while one is left).

export const NEW_ITEM_KINDS = ['lesson', 'quiz', 'assignment'] as const;
export type NewItemKind = (typeof NEW_ITEM_KINDS)[number];

const quoted = (text: string) => JSON.stringify(text);

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A file-name slug from a title: `Ämter & Wege` → `aemter-wege`; empty when nothing is left. */
export function slugFromTitle(title: string): string {
	const slug = title
		.toLowerCase()
		.replace(/[äöüß]/g, (letter) => UMLAUTS[letter] ?? letter)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return ID_PATTERN.test(slug) ? slug : '';
}

export function courseTemplate(title: string): string {
	return `---
title: ${quoted(title)}
summary: ${quoted(FIELD_PROMPTS.courseSummary)}
---
`;
}

export function moduleTemplate(title: string): string {
	return `---
title: ${quoted(title)}
summary: ${quoted(FIELD_PROMPTS.moduleSummary)}
---
`;
}

const ITEM_TEMPLATES: Record<NewItemKind, (title: string) => string> = {
	lesson: (title) => `---
title: ${quoted(title)}
minutes: 15
---

## Worum es geht

${BODY_PROMPTS.lessonText}
`,
	quiz: (title) => `---
type: quiz
title: ${quoted(title)}
passPercent: 70
---

## Welche Antwort ist richtig? {#frage-1}

- [x] ${BODY_PROMPTS.rightOption}
  > ${BODY_PROMPTS.rightFeedback}
- [ ] ${BODY_PROMPTS.wrongOption}
  > ${BODY_PROMPTS.wrongFeedback}
`,
	assignment: (title) => `---
type: assignment
title: ${quoted(title)}
submission: [text]
---

## Ihre Aufgabe

${BODY_PROMPTS.assignmentText}
`
};

export const itemTemplate = (kind: NewItemKind, title: string) => ITEM_TEMPLATES[kind](title);

/** What the editor's buttons insert at the cursor: the components and one question of each type. */
export const SNIPPETS = {
	hinweis: '\n<Hinweis typ="tipp">\n\nIhr Hinweis.\n\n</Hinweis>\n',
	begriff: '<Begriff erklaerung="Kurze Erklärung des Begriffs.">Begriff</Begriff>',
	medien:
		'\n<Medien typ="audio" src="audio/datei.mp3" titel="Titel der Aufnahme" transkript="texte/datei-transkript.md" />\n',
	single: '## Frage mit einer richtigen Antwort {#frage-neu}\n\n- [x] Richtig\n- [ ] Falsch\n',
	multiple:
		'## Frage mit mehreren richtigen Antworten {#frage-mehrfach .multiple}\n\n- [x] Richtig\n- [x] Auch richtig\n- [ ] Falsch\n',
	cloze: '## Ergänzen Sie den Satz. {#frage-luecke}\n\nEin Bescheid kommt von einer [[Behörde]].\n',
	matching:
		'## Ordnen Sie zu. {#frage-zuordnung}\n\n| Begriff | Bedeutung |\n|---|---|\n| Antrag | Schriftliche Bitte an ein Amt |\n| Bescheid | Entscheidung des Amts |\n',
	ordering:
		'## Bringen Sie die Schritte in die richtige Reihenfolge. {#frage-reihenfolge}\n\n1. Erster Schritt\n2. Zweiter Schritt\n3. Dritter Schritt\n'
} as const;
export type SnippetName = keyof typeof SNIPPETS;
