import { recordAudit } from '../audit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { contentDir, shippedContentDir } from '$lib/server/config/paths';
import { readContentSnapshot } from './disk';
import { formatProblem, type ContentProblem } from './problems';
import type { RenderedBody, RenderLabels } from './render';
import { seedContentDir } from './seed';
import { watchFolder } from './watch';
import { renderItemBody, renderUncachedBody, type BodyRenderOptions } from './bodies';
import { prepareContent, type PrepareResult } from './prepare';
import { liveContent, publishContent, type ContentVersion } from './store';
import { envText } from '$lib/server/config/env';
import { StartupProblem } from '$lib/server/config/startup';

// The live content read from CONTENT_DIR: loaded on first use, reloaded on request (admin
// button, file watcher). A reload that fails the check keeps the live version and is kept
// here, with its problems, until a reload succeeds.

/**
 * IDs of the pages around a body (lesson, assignment, trainer material, review with its
 * assessment guidance): headings inside it take others.
 */
export const PAGE_IDS = [
	'inhalt',
	'inhaltsverzeichnis',
	'lektion-status',
	'lektion-meldung',
	'rueckmeldung',
	'blaettern',
	'downloads-titel',
	'anleitung-titel',
	'kriterien-titel',
	'bearbeitung-titel',
	'verlauf-titel',
	'feld-text',
	'feld-datei',
	'material-titel',
	'hinweise-titel',
	'bewerten-titel',
	'feld-rueckmeldung',
	'feld-entscheidung'
];

export interface RejectedReload {
	at: Date;
	dir: string;
	errors: ContentProblem[];
	warnings: ContentProblem[];
	/** The files had errors at start already: the commit of the folder's history that is live. */
	startedFrom?: CommittedVersion;
	/** Rejected by the start itself, not by a later reload. */
	atStart?: boolean;
}

/** A version read from the content folder's history rather than from its files. */
export interface CommittedVersion {
	commit: string;
	message: string;
	date: Date;
}

export type ReloadResult =
	| { ok: true; version: ContentVersion; previous: ContentVersion | null }
	| { ok: false; rejected: RejectedReload; live: ContentVersion | null };

let rejected: RejectedReload | null = null;

function readContent(dir: string): PrepareResult {
	try {
		const snapshot = readContentSnapshot(dir);
		if (snapshot) return prepareContent(snapshot);
		const message = `Der Ordner „courses“ fehlt; erwartet wird ${dir}/courses/<kurs>/course.md.`;
		return { ok: false, errors: [{ file: 'courses', line: 1, message }], warnings: [] };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		const message = `Der Ordner lässt sich nicht lesen: ${reason}`;
		return { ok: false, errors: [{ file: dir, line: 1, message }], warnings: [] };
	}
}

function labels(locale: 'de' | 'en'): RenderLabels {
	const options = { locale };
	return {
		hint: {
			info: m.content_hint_info({}, options),
			tipp: m.content_hint_tip({}, options),
			achtung: m.content_hint_warning({}, options)
		},
		termExplanation: m.content_term_explanation({}, options),
		mediaTranscript: m.content_media_transcript({}, options),
		mediaCaptions: m.content_media_captions({}, options),
		mediaDownload: m.content_media_download({}, options),
		mediaUnsupported: m.content_media_unsupported({}, options),
		footnotesHeading: m.content_footnotes_heading({}, options),
		footnoteBack: (number) => m.content_footnote_back({ number }, options),
		table: m.content_table_label({}, options)
	};
}

const optionsByLocale = new Map<string, BodyRenderOptions>();

/** Render options per language, built once: a lesson request only looks its body up. */
function renderOptions(locale: 'de' | 'en'): BodyRenderOptions {
	let options = optionsByLocale.get(locale);
	if (!options) {
		options = { locale, labels: labels(locale), reservedIds: PAGE_IDS };
		optionsByLocale.set(locale, options);
	}
	return options;
}

/** The live version; the first call reads CONTENT_DIR and fails with the checker's messages. */
export function currentContent(): ContentVersion {
	const version = liveContent();
	if (version) return version;
	// Only at start: a folder emptied later is an error to report, not a reason to reseed.
	if (seedContentDir(contentDir(), shippedContentDir())) {
		console.info(`Kursinhalt: ${contentDir()} mit den mitgelieferten Kursen angelegt.`);
	}
	const result = readContent(contentDir());
	if (!result.ok) {
		throw contentStartupProblem(contentDir(), result.errors, result.warnings);
	}
	for (const warning of result.version.warnings) {
		console.warn(`Kursinhalt: ${formatProblem(warning)}`);
	}
	publishContent(result.version);
	return result.version;
}

/** Content errors at start, with the checker's problems for a start from the folder's history. */
export class ContentStartupProblem extends StartupProblem {
	constructor(
		message: string,
		readonly dir: string,
		readonly errors: ContentProblem[],
		readonly warnings: ContentProblem[]
	) {
		super(message);
	}
}

/**
 * Content errors at start end the server like any start problem (unless the folder's history has
 * a version without them, see studio/start-version.ts): one line that names CONTENT_DIR and the
 * fix, then the checker's German message for each error (file:line), no stack.
 */
export function contentStartupProblem(
	dir: string,
	errors: ContentProblem[],
	warnings: ContentProblem[] = []
): ContentStartupProblem {
	const list = errors.map((error) => formatProblem(error)).join('\n');
	return new ContentStartupProblem(
		`Der Kursinhalt in ${dir} enthält ${errors.length} Fehler (CONTENT_DIR): die Dateien unten korrigieren (prüfen mit npm run content:check -- ${dir}) und neu starten. / ` +
			`The content in ${dir} has ${errors.length} error(s) (CONTENT_DIR): fix the files below (check with npm run content:check -- ${dir}) and start again.\n${list}`,
		dir,
		errors,
		warnings
	);
}

/**
 * Starts with a version from the folder's history because the files failed the check: it goes
 * live, and the files' problems stay on the admin page until a reload succeeds.
 */
export function startWithCommittedVersion(
	version: ContentVersion,
	problem: ContentStartupProblem,
	startedFrom: CommittedVersion
): void {
	const { dir, errors, warnings } = problem;
	rejected = { at: new Date(), dir, errors, warnings, startedFrom, atStart: true };
	publishContent(version);
}

type PublishedListener = (version: ContentVersion) => void;
const publishedListeners: PublishedListener[] = [];

/**
 * Hears each new version a reload in this process makes live (see published-version.ts);
 * returns the way to stop.
 */
export function onContentPublished(listener: PublishedListener): () => void {
	publishedListeners.push(listener);
	return () => {
		const index = publishedListeners.indexOf(listener);
		if (index >= 0) publishedListeners.splice(index, 1);
	};
}

/**
 * Reads CONTENT_DIR again and publishes it if it passes the check; otherwise the live version
 * stays and the problems are kept for the admin page. `announce: false` for a version another
 * process has published already.
 */
export function reloadContent(options: { announce?: boolean } = {}): ReloadResult {
	const dir = contentDir();
	const result = readContent(dir);
	if (!result.ok) {
		// A version from the history at start stays live, and the page keeps saying so.
		const startedFrom = rejected?.startedFrom;
		rejected = { at: new Date(), dir, errors: result.errors, warnings: result.warnings, startedFrom };
		return { ok: false, rejected, live: liveContent() };
	}
	rejected = null;
	const previous = publishContent(result.version);
	if (options.announce !== false && previous?.id !== result.version.id) {
		for (const listener of publishedListeners) listener(result.version);
	}
	return { ok: true, version: result.version, previous };
}

/** The last reload that failed the check, until one succeeds. */
export function lastRejectedReload(): RejectedReload | null {
	return rejected;
}

/** A lesson or assignment body of the live version, rendered for the reader's language. */
export function renderLiveBody(itemId: string): RenderedBody | undefined {
	return renderItemBody(currentContent(), itemId, renderOptions(getLocale()));
}

/** A body of a version that is not live (the studio's preview), for the reader's language. */
export function renderPreviewBody(version: ContentVersion, itemId: string): RenderedBody | undefined {
	return renderUncachedBody(version, itemId, renderOptions(getLocale()));
}

/**
 * Loads and checks the content at server start, so a folder with errors stops the start. Bodies
 * are rendered on first request and cached (about 8 ms each): rendering all of them here doubled
 * the start's allocations, and V8 grew the heap for them (peak RSS at start 290–305 MiB).
 */
export function warmContent(): ContentVersion {
	return currentContent();
}

/**
 * Reloads whenever files in CONTENT_DIR change (CONTENT_WATCH=true; on by default in
 * `vite dev`). Results go to the log; a rejected version shows on the admin page as well.
 */
export function watchContentDir(): () => void {
	return watchFolder(contentDir(), () => {
		const result = reloadContent();
		if (result.ok) {
			console.info(`Kursinhalt neu geladen (Fassung ${result.version.id}).`);
			// Published without anyone clicking (e.g. after `git pull`): the log still shows it.
			if (result.previous?.id !== result.version.id) {
				recordAudit({
					actorId: null,
					action: 'content.published',
					objectType: 'content',
					objectId: result.version.id,
					details: { previous: result.previous?.id ?? null, via: 'CONTENT_WATCH' }
				});
			}
		} else {
			const list = result.rejected.errors.map((error) => formatProblem(error)).join('\n');
			console.warn(`Kursinhalt nicht übernommen, die bisherige Fassung bleibt:\n${list}`);
		}
	});
}

export function contentWatchWanted(dev: boolean): boolean {
	const setting = envText('CONTENT_WATCH');
	return setting === undefined || setting === '' ? dev : setting === 'true' || setting === '1';
}
