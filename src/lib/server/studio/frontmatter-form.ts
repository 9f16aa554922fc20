import { Document, isMap, isScalar, parseDocument } from 'yaml';

// The frontmatter as the editor shows it: a field for the title and for the common settings
// of the page's kind, and the remaining keys as YAML. Whatever the author enters is checked by
// the content schemas afterwards, exactly like a file edited on disk.

export type PageKind = 'course' | 'module' | 'lesson' | 'quiz' | 'assignment' | 'trainer';

export interface FieldSpec {
	key: string;
	/** Digits are written as a YAML number (`attempts` also takes the word `unlimited`). */
	numeric: boolean;
}

const FIELDS: Record<PageKind, readonly FieldSpec[]> = {
	course: [{ key: 'summary', numeric: false }],
	module: [{ key: 'summary', numeric: false }],
	lesson: [{ key: 'minutes', numeric: true }],
	quiz: [
		{ key: 'passPercent', numeric: true },
		{ key: 'attempts', numeric: true }
	],
	assignment: [],
	trainer: []
};

export const fieldsOf = (kind: PageKind) => FIELDS[kind];

/**
 * The `type:` a quiz or an assignment must keep. It stays out of the free YAML box: replacing
 * the box's text must not turn a quiz into a lesson. Typed into the box, a type still wins.
 */
const TYPE_OF: Partial<Record<PageKind, string>> = { quiz: 'quiz', assignment: 'assignment' };

export interface FrontmatterForm {
	title: string;
	fields: Record<string, string>;
	/** Every other key, as YAML. */
	rest: string;
}

const scalarText = (value: unknown) =>
	value === undefined || value === null || typeof value === 'object' ? '' : String(value);

export function splitFrontmatter(kind: PageKind, yaml: string): FrontmatterForm {
	const doc = parseDocument(yaml);
	if (doc.errors.length > 0 || !isMap(doc.contents)) return { title: '', fields: {}, rest: yaml };
	const data = (doc.toJS() ?? {}) as Record<string, unknown>;
	const fields: Record<string, string> = {};
	for (const spec of FIELDS[kind]) {
		if (typeof data[spec.key] === 'object' && data[spec.key] !== null) continue;
		fields[spec.key] = scalarText(data[spec.key]);
		doc.delete(spec.key);
	}
	const title = typeof data.title === 'string' ? data.title : scalarText(data.title);
	doc.delete('title');
	if (TYPE_OF[kind] && data.type === TYPE_OF[kind]) doc.delete('type');
	const rest = isMap(doc.contents) && doc.contents.items.length > 0 ? doc.toString() : '';
	return { title, fields, rest };
}

const numberOr = (text: string): string | number =>
	/^-?\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;

/** Why the further settings cannot be read (the YAML library's own words are English). */
export type RestProblem = { kind: 'syntax'; line: number; column: number } | { kind: 'not_keys' };

/** Builds the YAML back: `type` first, then the title and fields, then the rest as written. */
export function joinFrontmatter(
	kind: PageKind,
	form: FrontmatterForm
): { ok: true; yaml: string } | { ok: false; problem: RestProblem } {
	const rest = parseDocument(form.rest);
	const [first] = rest.errors;
	if (first) {
		const [at] = first.linePos ?? [];
		return { ok: false, problem: { kind: 'syntax', line: at?.line ?? 1, column: at?.col ?? 1 } };
	}
	if (rest.contents !== null && !isMap(rest.contents)) {
		return { ok: false, problem: { kind: 'not_keys' } };
	}
	const doc = new Document({});
	const type = rest.get('type') ?? TYPE_OF[kind];
	if (type !== undefined) doc.set('type', type);
	doc.set('title', form.title.trim());
	for (const spec of FIELDS[kind]) {
		const value = (form.fields[spec.key] ?? '').trim();
		if (value) doc.set(spec.key, spec.numeric ? numberOr(value) : value);
	}
	if (isMap(rest.contents)) {
		for (const pair of rest.contents.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			if (key === 'type' || key === 'title' || FIELDS[kind].some((spec) => spec.key === key))
				continue;
			(doc.contents as { items: unknown[] }).items.push(pair);
		}
	}
	return { ok: true, yaml: doc.toString({ lineWidth: 0 }) };
}
