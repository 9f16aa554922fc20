import type { Root } from 'mdast';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ProblemList } from './problems';

type Path = readonly PropertyKey[];

/** The YAML block at the top of a file, with a way back from a key path to its line. */
export interface Frontmatter {
	/** The parsed YAML; `{}` when the file has no frontmatter or it cannot be read. */
	data: unknown;
	/** Line of the key (or list entry) at `path`, falling back to its nearest existing parent. */
	lineOf(path: Path): number;
	/** False when the YAML was broken, so schema errors would only repeat the problem. */
	readable: boolean;
}

/** The YAML library reports in English; the common mistakes get a German sentence first. */
const yamlHints: Partial<Record<string, string>> = {
	MISSING_CHAR:
		'Nach einem Schlüssel fehlt der Doppelpunkt, oder ein Text mit Doppelpunkt steht nicht in Anführungszeichen',
	MULTILINE_IMPLICIT_KEY:
		'Eine Zeile ohne „schluessel: wert“, oft ein Text mit Doppelpunkt ohne Anführungszeichen',
	BLOCK_AS_IMPLICIT_KEY: 'Die Einrückung stimmt nicht',
	BAD_INDENT: 'Die Einrückung stimmt nicht',
	TAB_AS_INDENT: 'Eingerückt mit Tabulator statt Leerzeichen',
	DUPLICATE_KEY: 'Ein Schlüssel steht zweimal',
	BAD_DQ_ESCAPE: 'Ein Rückstrich \\ in "…" ist kein gültiges Zeichen, besser \'…\' verwenden',
	UNEXPECTED_TOKEN: 'Ein Zeichen steht an einer Stelle, an der YAML es nicht erwartet'
};

export function readFrontmatter(tree: Root, file: string, problems: ProblemList): Frontmatter {
	const node = tree.children[0];
	if (!node || node.type !== 'yaml') {
		return { data: {}, lineOf: () => 1, readable: true };
	}
	// Line of the first YAML line inside the `---` fences.
	const firstLine = (node.position?.start.line ?? 1) + 1;
	const lineCounter = new LineCounter();
	const doc = parseDocument(node.value, { lineCounter, uniqueKeys: true });
	const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

	if (doc.errors.length > 0) {
		for (const error of doc.errors) {
			const firstMessageLine = error.message.split('\n')[0] ?? error.message;
			const hint = yamlHints[error.code];
			const detail = hint ? `${hint} (${firstMessageLine})` : firstMessageLine;
			problems.error(file, lineAt(error.pos[0]), `Das Frontmatter ist kein gültiges YAML: ${detail}`);
		}
		return { data: {}, lineOf: () => firstLine - 1, readable: false };
	}
	const data: unknown = doc.contents === null ? {} : doc.toJS();
	if (doc.contents !== null && !isMap(doc.contents)) {
		problems.error(file, firstLine, 'Das Frontmatter muss aus Schlüsseln bestehen (schluessel: wert).');
		return { data: {}, lineOf: () => firstLine - 1, readable: false };
	}
	return { data, lineOf: (path) => lineOfPath(doc, path, lineAt, firstLine - 1), readable: true };
}

function lineOfPath(
	doc: Document,
	path: Path,
	lineAt: (offset: number) => number,
	fallback: number
): number {
	for (let length = path.length; length > 0; length--) {
		const last = path[length - 1];
		const parent = length === 1 ? doc.contents : doc.getIn(path.slice(0, length - 1) as unknown[], true);
		if (isMap(parent)) {
			const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
			if (pair && isScalar(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
		} else if (isSeq(parent)) {
			const item = parent.items[Number(last)] as Node | undefined;
			if (item?.range) return lineAt(item.range[0]);
		}
	}
	return fallback;
}

const typeNames: Record<string, string> = {
	string: 'Text',
	number: 'eine Zahl',
	int: 'eine ganze Zahl',
	boolean: 'true oder false',
	array: 'eine Liste',
	object: 'ein Block mit Schlüsseln'
};

/** Messages for keys whose valid values zod's issues describe only in part. */
const monthMessage = (key: string) =>
	`„${key}“ muss Jahr und Monat im Format JJJJ-MM sein, z. B. 2026-11.`;
const keyMessages: Record<string, string> = {
	attempts: '„attempts“ muss eine ganze Zahl ab 1 oder „unlimited“ sein.',
	stand: monthMessage('stand'),
	naechstePruefung: monthMessage('naechstePruefung')
};

const formatMessages: Record<string, string> = {
	id: 'Die ID „{value}“ ist ungültig: erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.',
	language: '„language“ muss ein Sprachcode wie „de“ oder „en“ sein.'
};

function valueAt(data: unknown, path: Path): unknown {
	let value = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

function describe(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** German message for one zod issue; `path` is the issue's path. */
function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
	const path = issue.path;
	const last = path[path.length - 1];
	const key = String([...path].reverse().find((part) => typeof part === 'string') ?? '');
	const subject = typeof last === 'number' ? `Eintrag ${last + 1} in „${key}“` : `„${key}“`;
	const value = valueAt(data, path);
	if (value !== undefined && typeof last === 'string' && keyMessages[key]) return keyMessages[key];
	switch (issue.code) {
		case 'invalid_type':
			if (value === undefined) return `Pflichtangabe „${key}“ fehlt.`;
			return `${subject} muss ${typeNames[issue.expected] ?? issue.expected} sein.`;
		case 'invalid_value':
			return `${subject} hat den ungültigen Wert „${describe(value)}“; erlaubt: ${issue.values.join(', ')}.`;
		case 'invalid_union':
			return `${subject} hat einen ungültigen Wert.`;
		case 'invalid_format':
			return (formatMessages[key] ?? `${subject} hat ein ungültiges Format.`).replace(
				'{value}',
				describe(value)
			);
		case 'too_small':
			if (issue.origin === 'string') return `${subject} darf nicht leer sein.`;
			if (issue.origin === 'array') return `${subject} braucht mindestens einen Eintrag.`;
			return issue.inclusive
				? `${subject} darf nicht kleiner als ${String(issue.minimum)} sein.`
				: `${subject} muss größer als ${String(issue.minimum)} sein.`;
		case 'too_big':
			return `${subject} darf nicht größer als ${String(issue.maximum)} sein.`;
		default:
			return `${subject}: ${issue.message}`;
	}
}

/**
 * Validates the frontmatter against `schema`; reports every issue with its line and returns the
 * parsed data (with defaults), or null when it is invalid.
 */
export function validateFrontmatter<T extends z.ZodType>(
	schema: T,
	frontmatter: Frontmatter,
	file: string,
	problems: ProblemList
): z.output<T> | null {
	if (!frontmatter.readable) return null;
	const result = schema.safeParse(frontmatter.data);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.error(
					file,
					frontmatter.lineOf([...issue.path, key]),
					`Unbekannter Schlüssel „${key}“ im Frontmatter.`
				);
			}
			continue;
		}
		problems.error(file, frontmatter.lineOf(issue.path), issueMessage(issue, frontmatter.data));
	}
	return null;
}

