import { m } from '$lib/paraglide/messages.js';
import type { UploadFileType } from '$lib/content/types';
import { checkUpload, MIB, type UploadProblem } from '../assignments/upload-checks';
import { readFormWithLimit } from '../assignments/uploads';
import { uploadProblemMessage } from '../assignments/draft-form';
import { saveDraft, versionOf } from './drafts';
import { courseRoot } from './paths';
import { slugFromTitle } from './templates';
import { buildCourseTree } from './tree';
import { liveFile, type Workspace } from './workspace';

// Files beside the Markdown (images, audio, documents), uploaded into a module folder as part of
// the author's draft. The type is checked by content, not by name; SVG is not accepted (it can
// carry scripts).

export const MEDIA_TYPES: readonly UploadFileType[] = [
	'jpg',
	'png',
	'mp3',
	'm4a',
	'pdf',
	'docx',
	'odt'
];
export const MEDIA_MAX_MB = 10;

const FOLDER: Record<UploadFileType, string> = {
	jpg: 'bilder',
	png: 'bilder',
	mp3: 'audio',
	m4a: 'audio',
	pdf: 'dokumente',
	docx: 'dokumente',
	odt: 'dokumente'
};

export const isImage = (type: UploadFileType) => type === 'jpg' || type === 'png';

function problemMessage(problem: UploadProblem | 'server_limit' | 'invalid', name: string): string {
	if (problem === 'server_limit') return m.assignments_error_server_limit();
	if (problem === 'invalid') return m.assignments_error_invalid_form();
	const types = MEDIA_TYPES.map((type) => type.toUpperCase()).join(', ');
	return uploadProblemMessage(problem, name, { types, maxMB: MEDIA_MAX_MB });
}

/** Media files of the workspace by module, with the path to write in the Markdown. */
export function listMedia(ws: Workspace) {
	const tree = buildCourseTree({
		courseDir: ws.courseDir,
		files: ws.files,
		draftPaths: new Set(),
		errorPaths: new Set()
	});
	const drafted = new Set(ws.drafts.map((draft) => draft.path));
	return tree.modules.map((module) => {
		const prefix = `${courseRoot(ws.courseDir)}${module.dir}/`;
		const files = [...ws.files.keys()]
			.filter((path) => path.startsWith(prefix) && path.slice(prefix.length).includes('/'))
			.map((path) => ({ path, relative: path.slice(prefix.length), drafted: drafted.has(path) }));
		return { dir: module.dir, title: module.title, files };
	});
}

/** Longest alternative text (the field says so, too). */
export const ALT_MAX = 300;

export type MediaUpload =
	| {
			ok: true;
			relative: string;
			markdown: string;
			/** The name the file would have had, when a file of that name was there already. */
			taken?: string;
	  }
	| { ok: false; errors: Record<string, string>; values: Record<string, string> };

export async function uploadMedia(
	userId: string,
	ws: Workspace,
	request: Request
): Promise<MediaUpload> {
	const read = await readFormWithLimit(request, MEDIA_MAX_MB * MIB + 64 * 1024);
	if (!read.ok) {
		const values = { modul: read.fields.modul ?? '', alt: read.fields.alt ?? '' };
		return { ok: false, errors: { datei: problemMessage(read.problem, '') }, values };
	}
	const form = read.form;
	const moduleDir = String(form.get('modul') ?? '');
	const alt = String(form.get('alt') ?? '').trim();
	const values = { modul: moduleDir, alt };
	if (alt.length > ALT_MAX) {
		return {
			ok: false,
			errors: { alt: m.studio_media_error_alt_too_long({ max: ALT_MAX }) },
			values
		};
	}
	const modules = listMedia(ws);
	if (!modules.some((module) => module.dir === moduleDir)) {
		return { ok: false, errors: { modul: m.studio_media_error_module() }, values };
	}
	const file = form.get('datei');
	if (!(file instanceof File) || (file.size === 0 && !file.name)) {
		return { ok: false, errors: { datei: m.studio_media_error_file() }, values };
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	const checked = await checkUpload(
		{ name: file.name, bytes },
		{ types: [...MEDIA_TYPES], maxMB: MEDIA_MAX_MB }
	);
	if (!checked.ok)
		return { ok: false, errors: { datei: problemMessage(checked.problem, file.name) }, values };
	if (isImage(checked.type) && !alt) {
		return { ok: false, errors: { alt: m.studio_media_error_alt() }, values };
	}
	const stem = slugFromTitle(checked.name.replace(/\.[^.]+$/, '')) || 'datei';
	const wanted = `${FOLDER[checked.type]}/${stem}.${checked.type}`;
	const moduleFolder = `${courseRoot(ws.courseDir)}${moduleDir}/`;
	const relative = freeName(ws, moduleFolder, FOLDER[checked.type], stem, checked.type);
	const path = moduleFolder + relative;
	// The name was free when this request looked: a file saved there meanwhile (another tab's
	// upload) is not dropped unseen.
	const basedOn = versionOf(ws.files.get(path) ?? null);
	const saved = saveDraft(userId, ws.courseDir, path, Buffer.from(bytes), liveFile(path), basedOn);
	if (!saved.ok)
		return { ok: false, errors: { datei: m.studio_error_changed_meanwhile() }, values };
	const markdown = isImage(checked.type)
		? `![${alt.replace(/[[\]]/g, '')}](${relative})`
		: `[${stem}](${relative})`;
	return relative === wanted
		? { ok: true, relative, markdown }
		: { ok: true, relative, markdown, taken: wanted };
}

/**
 * `stem.type` in the folder, or `stem-2.type`, `stem-3.type`… when a file has that name: an
 * upload never replaces a file that pages may show. Names differing only in case count as taken,
 * as they are one file on case-insensitive disks.
 */
function freeName(ws: Workspace, moduleFolder: string, folder: string, stem: string, type: string) {
	const taken = new Set([...ws.files.keys()].map((path) => path.toLowerCase()));
	const isFree = (relative: string) => !taken.has(`${moduleFolder}${relative}`.toLowerCase());
	let relative = `${folder}/${stem}.${type}`;
	for (let number = 2; !isFree(relative); number++)
		relative = `${folder}/${stem}-${number}.${type}`;
	return relative;
}
