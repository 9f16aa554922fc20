import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isRelativeUrl, resolveModulePath } from '../../content/asset-url.js';
import { componentUses, findHtmlTags, isTranscriptFile, type ComponentUse } from './components';
import { isTrainerOnlyPath, trainerFolderMessage } from './download-rules';
import { checkHtml } from './html-checks';
import { AUTHORING_COMPONENTS, COMPONENT_ATTRIBUTES, type AuthoringComponent } from './html-policy';
import type { ProblemList } from './problems';
import { eachNode, eachNodeOfType } from './tree-walk';

export interface BodyContext {
	file: string;
	kind: 'course' | 'module' | 'lesson' | 'quiz' | 'assignment' | 'trainer';
	/** Folder of the file inside its module folder ('' for files directly in it). */
	fromDir: string;
	/** Paths of the files in the module folder (assets); null skips the existence check. */
	assets: ReadonlySet<string> | null;
	/** File names of the module's Markdown items, which are not served as files. */
	itemFiles: ReadonlySet<string>;
	problems: ProblemList;
}

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;

/** Checks shared by every Markdown body: headings, links, HTML, components, gender stars. */
export function checkBody(tree: Root, context: BodyContext): void {
	const tags = findHtmlTags(tree);
	const uses = componentUses(tags);
	if (context.kind !== 'quiz') checkHeadings(tree, context);
	checkLinks(tree, uses, context);
	checkHtml(tree, tags, { ...context, showsHtml: context.kind !== 'quiz' });
	checkComponents(tree, uses, context);
	warnGenderStars(tree, context);
}

function checkHeadings(tree: Root, { file, problems }: BodyContext): void {
	const headings = tree.children.filter((node) => node.type === 'heading');
	const first = headings[0];
	if (first && first.depth !== 2) {
		problems.error(
			file,
			lineOf(first),
			`Die erste Überschrift im Text muss eine ##-Überschrift sein, nicht ${'#'.repeat(first.depth)}.`
		);
	}
	for (const heading of headings.slice(1)) {
		if (heading.depth === 1) {
			problems.error(
				file,
				lineOf(heading),
				'Überschriften mit # sind dem Titel vorbehalten; bitte ## verwenden.'
			);
		}
	}
}

function checkTarget(url: string, line: number, context: BodyContext): void {
	const { file, problems } = context;
	if (!isRelativeUrl(url)) return;
	if (context.kind === 'course') {
		problems.error(
			file,
			line,
			`Link-Ziel „${url}“: relative Links sind in course.md nicht möglich, Dateien gehören in einen Modulordner.`
		);
		return;
	}
	const path = resolveModulePath(context.fromDir, url);
	if (path === null) {
		problems.error(file, line, `Link-Ziel „${url}“ liegt außerhalb des Modulordners.`);
	} else if (context.itemFiles.has(path) || path === 'module.md') {
		problems.error(
			file,
			line,
			`Link-Ziel „${url}“ ist eine Kursseite; Links zwischen Lektionen werden nicht unterstützt.`
		);
	} else if (context.assets && !context.assets.has(path)) {
		problems.error(file, line, `Link-Ziel „${url}“ existiert nicht.`);
	} else if (context.kind !== 'trainer' && isTrainerOnlyPath(path)) {
		// Learners could not open the file, and a transcript from there would be inlined.
		problems.error(file, line, `Link-Ziel ${trainerFolderMessage(url)}`);
	}
}

const ALT_EXAMPLE = '![Wartebereich im Bürgeramt](bilder/wartebereich.png)';

function checkLinks(tree: Root, uses: readonly ComponentUse[], context: BodyContext): void {
	eachNode(tree, (node) => {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
			checkTarget(node.url, lineOf(node), context);
		}
		// WCAG 1.1.1: people who cannot see the image get its description instead.
		if (node.type === 'image' && !(node.alt ?? '').trim()) {
			context.problems.error(
				context.file,
				lineOf(node),
				`Das Bild „${node.url}“ hat keinen Alternativtext. Schreiben Sie in die eckigen Klammern, was darauf zu sehen ist, z. B. ${ALT_EXAMPLE}.`
			);
		}
	});
	for (const use of uses) {
		for (const name of ['src', 'href', 'untertitel', 'poster']) {
			const value = use.attributes.get(name);
			if (value && !value.startsWith('{')) checkTarget(value, use.line, context);
		}
		const transcript = use.attributes.get('transkript');
		if (use.name === 'Medien' && transcript && isTranscriptFile(transcript)) {
			checkTarget(transcript, use.line, context);
		}
	}
	eachNodeOfType(tree, 'html', (node) => {
		for (const match of node.value.matchAll(/<(?:img|a|source|track)\b[^>]*?\s(?:src|href)="([^"]*)"/gi)) {
			checkTarget(match[1] ?? '', lineOf(node), context);
		}
	});
}

/** Attributes that checkHtml reports (Svelte syntax, event handlers). */
const reportedAsCode = (name: string) => name.startsWith('{') || name.includes(':') || /^on/i.test(name);

function checkComponents(tree: Root, uses: readonly ComponentUse[], context: BodyContext): void {
	const { file, problems } = context;
	if (context.kind === 'quiz') {
		// Inline HTML is one node per tag (`<b>`, `</b>`): one warning per line is enough.
		const reported = new Set<number>();
		eachNodeOfType(tree, 'html', (node) => {
			const line = lineOf(node);
			if (/^<!--[\s\S]*-->$/.test(node.value.trim()) || reported.has(line)) return;
			reported.add(line);
			problems.warning(file, line, 'HTML und Komponenten werden in Quizzen nicht angezeigt.');
		});
		return;
	}
	eachNodeOfType(tree, 'html', (node, _index, parent) => {
		const value = node.value.trim();
		const opening = /^<Hinweis\b[^>]*>/.exec(value);
		if (parent?.type === 'root' && opening && value.slice(opening[0].length).trim() !== '') {
			problems.warning(
				file,
				lineOf(node),
				'Nach <Hinweis …> und vor </Hinweis> fehlt eine Leerzeile; ohne sie wird das Markdown darin nicht umgesetzt.'
			);
		}
	});
	for (const use of uses) {
		if (!(AUTHORING_COMPONENTS as readonly string[]).includes(use.name)) {
			problems.error(
				file,
				use.line,
				`Unbekannte Komponente <${use.name}>; verfügbar sind ${AUTHORING_COMPONENTS.join(', ')}.`
			);
			continue;
		}
		for (const [name, value] of use.attributes) {
			if (reportedAsCode(name)) continue;
			if (!COMPONENT_ATTRIBUTES[use.name as AuthoringComponent].includes(name)) {
				problems.error(file, use.line, `Unbekannte Angabe „${name}“ bei <${use.name}>.`);
			} else if (value.startsWith('{')) {
				problems.error(
					file,
					use.line,
					`<${use.name}>: „${name}“ bitte als Text in Anführungszeichen angeben.`
				);
			}
		}
		if (use.name !== 'Begriff' && use.inline) {
			problems.error(
				file,
				use.line,
				`<${use.name}> muss auf einer eigenen Zeile stehen, mit Leerzeilen davor und danach.`
			);
		}
		checkComponent(use, context);
	}
}

function checkComponent(use: ComponentUse, { file, problems }: BodyContext): void {
	const get = (name: string) => use.attributes.get(name);
	if (use.name === 'Hinweis') {
		const type = get('typ');
		if (type !== undefined && !['info', 'tipp', 'achtung'].includes(type)) {
			problems.error(file, use.line, `<Hinweis>: „typ“ muss info, tipp oder achtung sein, nicht „${type}“.`);
		}
	} else if (use.name === 'Begriff') {
		if (!get('erklaerung')?.trim()) {
			problems.error(file, use.line, '<Begriff> braucht eine „erklaerung“.');
		}
	} else if (use.name === 'Medien') {
		const type = get('typ');
		if (type !== 'audio' && type !== 'video') {
			problems.error(file, use.line, '<Medien>: „typ“ muss audio oder video sein.');
		}
		if (!get('src')) problems.error(file, use.line, '<Medien> braucht „src“ (die Datei).');
		const captions = get('untertitel');
		if (captions && !/\.vtt$/i.test(captions)) {
			problems.error(file, use.line, '<Medien>: „untertitel“ muss eine .vtt-Datei sein.');
		}
		if (type === 'audio' && !get('transkript')) {
			problems.error(file, use.line, '<Medien typ="audio"> braucht ein Transkript („transkript“).');
		} else if (type === 'video' && !captions && !get('transkript')) {
			problems.error(
				file,
				use.line,
				'<Medien> ohne Untertitel oder Transkript: bitte „untertitel“ (.vtt) oder „transkript“ angeben.'
			);
		}
	}
}

/** `Lots*innen und Berater*innen` reads as emphasis: warn, the author meant a gender star. */
function warnGenderStars(tree: Root, { file, problems }: BodyContext): void {
	eachNodeOfType(tree, 'emphasis', (node, index, parent) => {
		const before = index !== undefined ? parent?.children[index - 1] : undefined;
		const afterWord = before?.type === 'text' && /\p{L}$/u.test(before.value);
		if (afterWord && /^in(?:nen)?(?!\p{L})/u.test(toString(node))) {
			problems.warning(
				file,
				lineOf(node),
				'„*“ wurde als Hervorhebung gelesen. Für das Gendersternchen bitte \\* schreiben (z. B. Lots\\*innen).'
			);
		}
	});
}
