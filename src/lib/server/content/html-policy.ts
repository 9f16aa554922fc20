import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

// What HTML course content may contain. Two lists, one module, so the checker and the renderer
// cannot drift apart:
// - the author policy: the HTML a trainer may write into Markdown (GitHub's list, minus forms
//   and IDs) plus the authoring components; the content check reports everything else;
// - the output schema: what a rendered page may contain (the author policy plus the markup the
//   components expand to). The sanitiser applies it last, so nothing else reaches a browser.

/** The authoring components trainers may use in lessons without importing them. */
export const AUTHORING_COMPONENTS = ['Hinweis', 'Begriff', 'Medien'] as const;
export type AuthoringComponent = (typeof AUTHORING_COMPONENTS)[number];

/** Attributes each component accepts. */
export const COMPONENT_ATTRIBUTES: Record<AuthoringComponent, readonly string[]> = {
	Hinweis: ['typ', 'titel'],
	Begriff: ['erklaerung'],
	Medien: ['typ', 'src', 'untertitel', 'transkript', 'titel', 'sprache']
};

/** Elements that never have content or a closing tag. */
export const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

/** Elements that run code, load other pages or send data: named in the check's message. */
export const FORBIDDEN_ELEMENTS: Record<string, string> = {
	script: 'führt Code aus',
	style: 'ändert das Aussehen der ganzen Seite',
	iframe: 'bettet fremde Seiten ein',
	frame: 'bettet fremde Seiten ein',
	object: 'bettet fremde Inhalte ein',
	embed: 'bettet fremde Inhalte ein',
	form: 'sendet Daten',
	input: 'sendet Daten',
	button: 'sendet Daten',
	select: 'sendet Daten',
	textarea: 'sendet Daten',
	link: 'lädt fremde Dateien',
	meta: 'verändert die Seite',
	base: 'verändert alle Links der Seite',
	template: 'kann Code enthalten',
	svg: 'kann Code enthalten',
	math: 'kann Code enthalten'
};

const NOT_FOR_AUTHORS = new Set(['input', 'picture', 'source', 'section', 'h1']);
const AUTHOR_ELEMENTS = new Set(
	(defaultSchema.tagNames ?? []).filter((name) => !NOT_FOR_AUTHORS.has(name))
);

// Property names of the default schema that only make sense with forms, scripts or page IDs.
const NOT_FOR_AUTHORS_ATTRIBUTES = new Set([
	'accept',
	'acceptCharset',
	'accessKey',
	'action',
	'encType',
	'id',
	'itemProp',
	'method',
	'name',
	'tabIndex'
]);

/** HTML attribute name → the property name the sanitiser's schema uses (`colspan` → `colSpan`). */
const propertyNames = new Map(
	Object.values(defaultSchema.attributes ?? {})
		.flat()
		.map((entry) => (Array.isArray(entry) ? entry[0] : entry))
		.map((name) => [name.toLowerCase(), name] as const)
);

function schemaAllows(tag: string, property: string): boolean {
	const lists = [defaultSchema.attributes?.[tag] ?? [], defaultSchema.attributes?.['*'] ?? []];
	return lists.some((list) =>
		list.some((entry) => (Array.isArray(entry) ? entry[0] : entry) === property)
	);
}

/** Whether a trainer may write `<name>` in Markdown. Components are case-sensitive, HTML is not. */
export function isAuthorElement(name: string): boolean {
	return (
		(AUTHORING_COMPONENTS as readonly string[]).includes(name) ||
		AUTHOR_ELEMENTS.has(name.toLowerCase())
	);
}

/** Whether a trainer may write the attribute on an (HTML, not component) element. */
export function isAuthorAttribute(element: string, attribute: string): boolean {
	const property = propertyNames.get(attribute.toLowerCase());
	if (!property || NOT_FOR_AUTHORS_ATTRIBUTES.has(property)) return false;
	return schemaAllows(element.toLowerCase(), property);
}

/** Attributes whose value is a URL: checked for schemes and rewritten to asset URLs. */
export const URL_ATTRIBUTES = ['href', 'src', 'untertitel', 'poster'] as const;

/** Schemes a link or file may use; relative URLs are always allowed. */
export const SAFE_URL_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/** The scheme of a URL (`javascript`, `https`), lower-case, or null for relative URLs. */
export function urlScheme(url: string): string | null {
	// Browsers ignore control characters and whitespace inside a scheme: `java\tscript:`.
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
	const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
	return match ? match[1]!.toLowerCase() : null;
}

export function isSafeUrl(url: string): boolean {
	const scheme = urlScheme(url);
	return scheme === null || (SAFE_URL_SCHEMES as readonly string[]).includes(scheme);
}

const aria = ['ariaDescribedBy', 'ariaHidden', 'ariaLabel', 'ariaLabelledBy'];

// One entry per property and element: the sanitiser uses the first definition it finds.

/**
 * The allow-list applied to every rendered page as the last step: GitHub's schema plus the
 * markup of the components, footnotes and scrollable tables. No element runs code, no `on…`
 * attribute, no `style`, and URLs only with the schemes above (relative ones stay).
 */
export const OUTPUT_SCHEMA: SanitizeSchema = {
	...defaultSchema,
	tagNames: [
		...(defaultSchema.tagNames ?? []),
		'audio',
		'circle',
		'dfn',
		'figcaption',
		'figure',
		'path',
		'svg',
		'track',
		'video'
	],
	attributes: {
		...defaultSchema.attributes,
		a: [...aria, 'dataFootnoteBackref', 'dataFootnoteRef', 'href', ['className', 'footnote-back']],
		audio: ['controls', 'preload', 'src'],
		circle: ['cx', 'cy', 'r'],
		details: [['className', 'transkript']],
		div: [
			...(defaultSchema.attributes?.div ?? []),
			...aria,
			[
				'className',
				'hinweis',
				'hinweis-info',
				'hinweis-tipp',
				'hinweis-achtung',
				'table-scroll',
				'transkript-text'
			],
			['role', 'note', 'region']
		],
		figure: [['className', 'medien']],
		input: [...(defaultSchema.attributes?.input ?? []), 'ariaLabel'],
		p: [['className', 'kopf', 'zeilen']],
		path: ['d'],
		span: [['className', 'begriff', 'erklaerung']],
		sup: [['className', 'footnote-ref']],
		svg: [['className', 'symbol'], 'viewBox', 'ariaHidden', 'focusable'],
		track: ['kind', 'src', 'srcLang', 'label', 'default'],
		video: ['controls', 'preload', 'src']
	},
	// Our own IDs (headings, footnotes, component labels) must stay as they are for their links.
	clobber: [],
	clobberPrefix: '',
	protocols: {
		...defaultSchema.protocols,
		href: [...SAFE_URL_SCHEMES],
		src: ['http', 'https']
	},
	strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea', 'title']
};
