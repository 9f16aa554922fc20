import { createHash } from 'node:crypto';
import { buildContentIndex, type ContentIndex } from './build-index';
import type { ContentSnapshot } from './disk';
import { sortProblems, type ContentProblem } from './problems';
import { renderBody, type RenderedBody, type RenderLabels } from './render';

// The live course content. A version is built and checked completely before it is published;
// publishing swaps one reference, so a request sees either the old or the new version, and a
// version with errors never replaces the live one. Everything reads through `liveContent()`.

/** What a lesson or assignment body is rendered from. */
interface BodySource {
	raw: string;
	/** Hash of everything the rendered HTML depends on (text, asset URLs, transcripts). */
	hash: string;
	assetBase: { courseId: string; moduleSlug: string };
	/** Path of the module folder inside the content folder, with a trailing `/`. */
	modulePrefix: string;
}

export interface ContentVersion {
	/** Hash over every file the version was read from: the same files give the same ID. */
	readonly id: string;
	/** The folder the version was read from; files beside the pages are served from here. */
	readonly dir: string;
	readonly loadedAt: Date;
	readonly index: ContentIndex;
	readonly warnings: readonly ContentProblem[];
	readonly bodies: ReadonlyMap<string, BodySource>;
	readonly texts: ReadonlyMap<string, string>;
}

export type PrepareResult =
	| { ok: true; version: ContentVersion }
	| { ok: false; errors: ContentProblem[]; warnings: ContentProblem[] };

const sha256 = (parts: readonly string[]) => {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
};

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		const children = value instanceof Map ? value.values() : Object.values(value);
		for (const child of children) deepFreeze(child);
	}
	return value;
}

function bodySources(index: ContentIndex, snapshot: ContentSnapshot): Map<string, BodySource> {
	const raws = new Map(snapshot.files.map((file) => [file.path, file.raw]));
	const textsByModule = new Map<string, string[]>();
	const bodies = new Map<string, BodySource>();
	for (const [itemId, path] of index.itemPathById) {
		const item = index.itemById.get(itemId);
		const module = item && index.moduleById.get(item.moduleId);
		const location = item && index.moduleLocationById.get(item.moduleId);
		if (!item || !module || !location || item.type === 'quiz') continue;
		const modulePrefix = `courses/${location.courseDir}/${location.moduleDir}/`;
		let texts = textsByModule.get(modulePrefix);
		if (!texts) {
			texts = [...snapshot.texts].filter(([p]) => p.startsWith(modulePrefix)).flat();
			textsByModule.set(modulePrefix, texts);
		}
		const raw = raws.get(path) ?? '';
		const assetBase = { courseId: item.courseId, moduleSlug: module.slug };
		const hash = sha256([raw, assetBase.courseId, assetBase.moduleSlug, ...texts]);
		bodies.set(itemId, { raw, hash, assetBase, modulePrefix });
	}
	return bodies;
}

/** Checks a snapshot with the content rules and builds a version from it; nothing goes live. */
export function prepareContent(snapshot: ContentSnapshot): PrepareResult {
	const { index, errors, warnings } = buildContentIndex(snapshot.files, {
		assets: snapshot.assets
	});
	if (errors.length > 0) return { ok: false, errors, warnings };
	const id = sha256([
		...snapshot.files.flatMap((file) => [file.path, file.raw]),
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
		texts: snapshot.texts
	};
	return { ok: true, version };
}

let live: ContentVersion | null = null;

/** Rendered bodies by `<source hash>:<locale>`: shared by versions, so a reload renders only what changed. */
const renderCache = new Map<string, RenderedBody>();

/** Makes `version` the one every request reads; drops rendered bodies nothing uses any more. */
export function publishContent(version: ContentVersion): ContentVersion | null {
	const previous = live;
	live = version;
	const hashes = new Set([...version.bodies.values()].map((body) => body.hash));
	for (const key of renderCache.keys()) {
		if (!hashes.has(key.slice(0, key.indexOf(':')))) renderCache.delete(key);
	}
	return previous;
}

/** The live version, or null before the first one is published. */
export function liveContent(): ContentVersion | null {
	return live;
}

export interface BodyRenderOptions {
	locale: string;
	labels: RenderLabels;
	/** IDs the pages around a body use; headings take others. */
	reservedIds: readonly string[];
}

/** The rendered body of a lesson or assignment, from the cache when its sources are unchanged. */
export function renderItemBody(
	version: ContentVersion,
	itemId: string,
	options: BodyRenderOptions
): RenderedBody | undefined {
	const body = version.bodies.get(itemId);
	if (!body) return undefined;
	const key = `${body.hash}:${options.locale}`;
	let rendered = renderCache.get(key);
	if (!rendered) {
		rendered = renderBody(body.raw, {
			assetBase: body.assetBase,
			readText: (path) => version.texts.get(body.modulePrefix + path) ?? null,
			labels: options.labels,
			reservedIds: options.reservedIds
		});
		renderCache.set(key, rendered);
	}
	return rendered;
}

/** Renders every body of `version` ahead of the first request (after start and reloads). */
export function renderAllBodies(version: ContentVersion, options: BodyRenderOptions): number {
	for (const itemId of version.bodies.keys()) renderItemBody(version, itemId, options);
	return version.bodies.size;
}

/** Number of rendered bodies held (for tests of the cache). */
export const renderCacheSize = () => renderCache.size;
