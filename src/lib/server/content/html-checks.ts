import type { Root } from 'mdast';
import type { HtmlTag } from './components';
import {
	FORBIDDEN_ELEMENTS,
	isAuthorAttribute,
	isAuthorElement,
	isSafeUrl,
	urlScheme,
	VOID_ELEMENTS
} from './html-policy';
import type { ProblemList } from './problems';
import { eachNode, eachNodeOfType, linesBefore } from './tree-walk';

// Content is data: nothing in it may run code. These checks name what the sanitiser would
// strip anyway, with file and line, so an author learns why something is missing.

interface HtmlCheckContext {
	file: string;
	/** Quizzes do not show HTML at all; there only what could run code is an error. */
	showsHtml: boolean;
	problems: ProblemList;
}

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;

/**
 * Svelte blocks and tags (`{#if …}`, `{:else}`, `{/each}`, `{@html …}`) and special elements
 * (`<svelte:window …>`, which Markdown reads as text); `{Name}` stays text.
 */
const SVELTE_SYNTAX =
	/\{\s*(?:#(?:if|each|await|key|snippet)\s|:(?:else|then|catch)\b|\/(?:if|each|await|key|snippet)\s*\}|@(?:html|const|debug|render|attach)\s)|<svelte:[\w-]+/;

/** Attributes that take a URL: the components' and HTML's, including those of forms and objects. */
const URL_NAMES = /^(href|src|untertitel|poster|action|formaction|data)$/i;

/** HTML elements whose end tag may be left out: not reported as unclosed. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

/** `tags`: `findHtmlTags(tree)`, found once for all body checks. */
export function checkHtml(tree: Root, tags: readonly HtmlTag[], context: HtmlCheckContext): void {
	for (const tag of tags) {
		if (!tag.closing) checkTag(tag, context);
	}
	if (context.showsHtml) checkBalance(tags, context);
	checkUrls(tree, context);
	checkSvelteSyntax(tree, context);
	if (context.showsHtml) checkBrokenComponentTags(tree, context);
}

/** A component tag Markdown could not read as a tag (a missing `>` or quote, a blank line). */
function checkBrokenComponentTags(tree: Root, { file, problems }: HtmlCheckContext): void {
	eachNodeOfType(tree, 'text', (node) => {
		const match = /<(Hinweis|Begriff|Medien)\b/.exec(node.value);
		if (!match) return;
		const line = lineOf(node) + linesBefore(node.value, match.index);
		problems.error(
			file,
			line,
			`<${match[1]} …> ist unvollständig: Fehlt ein „>“ oder ein Anführungszeichen, oder steht in einer Angabe eine Leerzeile?`
		);
	});
}

function checkTag(tag: HtmlTag, { file, showsHtml, problems }: HtmlCheckContext): void {
	const name = tag.name.toLowerCase();
	const isComponent = /^[A-Z]/.test(tag.name);
	if (name.startsWith('svelte:')) {
		problems.error(file, tag.line, `<${tag.name}> ist Svelte-Code und in Inhalten nicht erlaubt.`);
		return;
	}
	const reason = isComponent ? undefined : FORBIDDEN_ELEMENTS[name];
	if (reason) {
		problems.error(file, tag.line, `<${tag.name}> ist in Inhalten nicht erlaubt (${reason}).`);
		return;
	}
	if (showsHtml && !isComponent && !isAuthorElement(name)) {
		problems.error(
			file,
			tag.line,
			`Das HTML-Element <${tag.name}> ist nicht erlaubt. Verwenden Sie Markdown oder die Komponenten Hinweis, Begriff und Medien.`
		);
	}
	// alt="" stays possible: it marks an image as decoration on purpose (WCAG 1.1.1).
	if (showsHtml && name === 'img' && !tag.attributes.has('alt')) {
		problems.error(file, tag.line, '<img> ohne alt-Attribut: Bitte beschreiben Sie in alt="…", was auf dem Bild zu sehen ist.');
	}
	for (const [attribute, value] of tag.attributes) {
		if (attribute.startsWith('{')) {
			problems.error(file, tag.line, `„${attribute}“ bei <${tag.name}> ist Svelte-Code und in Inhalten nicht erlaubt.`);
		} else if (/^on/i.test(attribute)) {
			problems.error(
				file,
				tag.line,
				`„${attribute}“ bei <${tag.name}> ist nicht erlaubt: Ereignis-Angaben (on…) führen Code aus.`
			);
		} else if (attribute.includes(':')) {
			problems.error(file, tag.line, `„${attribute}“ bei <${tag.name}> ist Svelte-Code und in Inhalten nicht erlaubt.`);
		} else if (!value.startsWith('{') && !isSafeUrl(value) && URL_NAMES.test(attribute)) {
			problems.error(file, tag.line, unsafeUrlMessage(value));
		} else if (isComponent) {
			// Components' own attributes are checked with the component.
		} else if (value.startsWith('{')) {
			problems.error(file, tag.line, `<${tag.name}>: „${attribute}“ bitte als Text in Anführungszeichen angeben.`);
		} else if (showsHtml && isAuthorElement(name) && !isAuthorAttribute(name, attribute)) {
			problems.error(file, tag.line, `Die Angabe „${attribute}“ ist bei <${tag.name}> nicht erlaubt.`);
		}
	}
}

function unsafeUrlMessage(url: string): string {
	const shown = url.length > 40 ? `${url.slice(0, 40)}…` : url;
	return `Link-Ziel „${shown}“ ist nicht erlaubt: nur Dateien im Modulordner und Adressen mit http:, https:, mailto: oder tel:.`;
}

/** Every opened element must be closed, or the rest of the page ends up inside it. */
function checkBalance(tags: readonly HtmlTag[], { file, problems }: HtmlCheckContext): void {
	const key = (tag: HtmlTag) => (/^[A-Z]/.test(tag.name) ? tag.name : tag.name.toLowerCase());
	const open: HtmlTag[] = [];
	const unclosed = (tag: HtmlTag) => {
		if (!OPTIONAL_END.has(key(tag))) {
			problems.error(file, tag.line, `<${tag.name}> wird nicht geschlossen (</${tag.name}> fehlt).`);
		}
	};
	for (const tag of tags) {
		if (tag.selfClosing || VOID_ELEMENTS.has(key(tag))) continue;
		if (!tag.closing) {
			open.push(tag);
			continue;
		}
		const match = open.map(key).lastIndexOf(key(tag));
		if (match === -1) {
			problems.error(file, tag.line, `</${tag.name}> schließt nichts: Das öffnende <${tag.name}> fehlt.`);
			continue;
		}
		open.splice(match).slice(1).forEach(unclosed);
	}
	open.forEach(unclosed);
}

function checkUrls(tree: Root, { file, problems }: HtmlCheckContext): void {
	eachNode(tree, (node) => {
		if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
		if (urlScheme(node.url) === 'svelte') {
			// `<svelte:head>` on its own reads as an autolink.
			problems.error(file, lineOf(node), `<${node.url}> ist Svelte-Code und in Inhalten nicht erlaubt.`);
		} else if (!isSafeUrl(node.url)) {
			problems.error(file, lineOf(node), unsafeUrlMessage(node.url));
		}
	});
}

function checkSvelteSyntax(tree: Root, { file, problems }: HtmlCheckContext): void {
	eachNode(tree, (node) => {
		if (node.type !== 'text' && node.type !== 'html') return;
		const match = SVELTE_SYNTAX.exec(node.value);
		if (!match) return;
		const line = lineOf(node) + linesBefore(node.value, match.index);
		const end = match[0].startsWith('<') ? match.index + match[0].length : node.value.indexOf('}', match.index) + 1;
		const snippet = node.value.slice(match.index, end || undefined);
		problems.error(
			file,
			line,
			`„${snippet.length > 30 ? `${snippet.slice(0, 30)}…` : snippet}“ ist Svelte-Code und in Inhalten nicht erlaubt. Geschweifte Klammern sind sonst normaler Text.`
		);
	});
}
