import { createHash } from 'node:crypto';
import { deepFreeze } from '../../deep-freeze';
import { buildContentIndex, type ContentIndex } from './build-index';
import type { ContentSnapshot } from './disk';
import { checkGlossaryFile } from './glossary-file';
import { sortProblems, type ContentProblem } from './problems';
import type { BodySource, ContentVersion } from './store';

export type PrepareResult =
	| { ok: true; version: ContentVersion }
	| { ok: false; errors: ContentProblem[]; warnings: ContentProblem[] };

const sha256 = (parts: readonly string[]) => {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
};

/** Lesson and assignment bodies, and trainer material (`type: trainer`), by ID. */
function renderedPages(index: ContentIndex): [string, string, { courseId: string; moduleId: string }][] {
	const pages: [string, string, { courseId: string; moduleId: string }][] = [];
	for (const [itemId, path] of index.itemPathById) {
		const item = index.itemById.get(itemId);
		if (item && item.type !== 'quiz') pages.push([itemId, path, item]);
	}
	for (const [id, path] of index.trainerMaterialPathById) {
		const material = index.trainerMaterialById.get(id);
		if (material) pages.push([id, path, material]);
	}
	return pages;
}

function bodySources(index: ContentIndex, snapshot: ContentSnapshot): Map<string, BodySource> {
	const raws = new Map(snapshot.files.map((file) => [file.path, file.raw]));
	const textsByModule = new Map<string, string[]>();
	const bodies = new Map<string, BodySource>();
	for (const [id, path, page] of renderedPages(index)) {
		const module = index.moduleById.get(page.moduleId);
		const location = index.moduleLocationById.get(page.moduleId);
		if (!module || !location) continue;
		const modulePrefix = `courses/${location.courseDir}/${location.moduleDir}/`;
		let texts = textsByModule.get(modulePrefix);
		if (!texts) {
			texts = [...snapshot.texts].filter(([p]) => p.startsWith(modulePrefix)).flat();
			textsByModule.set(modulePrefix, texts);
		}
		const raw = raws.get(path) ?? '';
		const assetBase = { courseId: page.courseId, moduleSlug: module.slug };
		const hash = sha256([raw, assetBase.courseId, assetBase.moduleSlug, ...texts]);
		bodies.set(id, { raw, hash, assetBase, modulePrefix });
	}
	return bodies;
}

/**
 * Checks a snapshot with the content rules and builds a version from it; nothing goes live.
 * A snapshot need not come from disk: a studio can check a draft the same way.
 */
export function prepareContent(snapshot: ContentSnapshot): PrepareResult {
	const built = buildContentIndex(snapshot.files, { assets: snapshot.assets });
	const { entries: glossary, problems: glossaryProblems } = checkGlossaryFile(snapshot.glossary);
	const { index } = built;
	const errors = [...built.errors, ...glossaryProblems.errors];
	const warnings = [...built.warnings, ...glossaryProblems.warnings];
	if (errors.length > 0) return { ok: false, errors, warnings };
	const id = sha256([
		...snapshot.files.flatMap((file) => [file.path, file.raw]),
		snapshot.glossary?.raw ?? '',
		...snapshot.assets,
		...[...snapshot.texts.values()]
	]).slice(0, 12);
	const version: ContentVersion = {
		id,
		dir: snapshot.dir,
		loadedAt: new Date(),
		index: deepFreeze(index),
		warnings: sortProblems(warnings),
		bodies: bodySources(index, snapshot),
		texts: snapshot.texts,
		glossary: deepFreeze(glossary)
	};
	return { ok: true, version };
}
