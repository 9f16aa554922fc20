import { parse } from 'yaml';

// A Markdown page split into its frontmatter and body, leniently: the studio must open a file
// even when its YAML is broken (the checker reports that with the line).

export interface SourceFile {
	data: Record<string, unknown>;
	/** The YAML between the fences, as written. */
	yaml: string;
	body: string;
	/** 1-based line of the body's first line in the file. */
	bodyLine: number;
	readable: boolean;
}

const FENCED = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

export function splitSource(text: string): SourceFile {
	const match = FENCED.exec(text);
	if (!match) return { data: {}, yaml: '', body: text, bodyLine: 1, readable: true };
	const yaml = match[1] ?? '';
	const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
	const body = text.slice(match[0].length);
	try {
		const data: unknown = parse(yaml);
		const record = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
		return { data: record as Record<string, unknown>, yaml, body, bodyLine, readable: true };
	} catch {
		return { data: {}, yaml, body, bodyLine, readable: false };
	}
}

export function joinSource(yaml: string, body: string): string {
	const head = yaml.trim();
	const text = body.replace(/\r\n/g, '\n').replace(/^\n+/, '');
	return `---\n${head}\n---\n\n${text.endsWith('\n') ? text : `${text}\n`}`;
}

export const titleOf = (file: SourceFile, fallback: string): string =>
	typeof file.data.title === 'string' && file.data.title.trim() ? file.data.title : fallback;

/** What the editor shows: the YAML, the body without its leading blank lines, and where it starts. */
export function editorParts(text: string) {
	const file = splitSource(text);
	const leading = /^(?:[ \t]*\r?\n)*/.exec(file.body)?.[0] ?? '';
	return {
		file,
		yaml: file.yaml,
		body: file.body.slice(leading.length),
		bodyStart: file.bodyLine + leading.split('\n').length - 1
	};
}
