import type { ContentIndex } from './build-index';
import type { GlossaryFileEntry } from './glossary-file';
import type { ContentProblem } from './problems';
import type { RenderedBody } from './render';

// The live course content. A version is built and checked completely before it is published
// (prepare.ts); publishing swaps one reference, so a request sees either the old or the new
// version, and a version with errors never replaces the live one. Everything reads through
// `liveContent()`. Kept free of the parser and renderer, so publishing costs nothing to load.

/** What a lesson or assignment body is rendered from. */
export interface BodySource {
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
	/** Lesson, assignment and trainer-material bodies by ID. */
	readonly bodies: ReadonlyMap<string, BodySource>;
	readonly texts: ReadonlyMap<string, string>;
	/** The entries of `glossar.md` (the terms used in lessons are added by the glossary). */
	readonly glossary: readonly GlossaryFileEntry[];
}

let live: ContentVersion | null = null;

/**
 * Rendered bodies by `<source hash>:<locale>` (see bodies.ts): shared by versions, so a reload
 * renders only what changed.
 */
export const renderCache = new Map<string, RenderedBody>();

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
