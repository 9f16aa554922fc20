import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { preparedQuery } from '../db/prepared';
import { settings } from '../db/schema';
import { formatProblem } from './problems';
import { onContentPublished, reloadContent } from './live';
import { liveContent } from './store';

// Several server processes on one CONTENT_DIR and one database (a cluster, or two servers behind
// a proxy): the process that publishes (studio, admin reload, file watcher) records the version's
// ID, and the others compare it with their live version and read the folder again when it
// differs. Without this, a published course reached only the process that happened to answer the
// author, and learners saw old and new content in turn.

const KEY = 'content.published';

const publishedRow = preparedQuery((db) =>
	db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).prepare()
);

/** Records `id` as the version every process should have live. */
export function recordPublishedVersion(id: string, now = new Date()): void {
	getDb()
		.insert(settings)
		.values({ key: KEY, value: id, updatedAt: now })
		.onConflictDoUpdate({ target: settings.key, set: { value: id, updatedAt: now } })
		.run();
}

function publishedVersion(): string | null {
	const value = publishedRow().get()?.value;
	return typeof value === 'string' ? value : null;
}

/** The recorded version this process has acted on last. */
let followed: string | null = null;

export type FollowOutcome = 'unchanged' | 'reloaded' | 'rejected';

/**
 * Makes the version another process has published live here too. Acts once per recorded version:
 * a folder that fails the check (changed again meanwhile, say) is not read every second.
 */
export function followPublishedVersion(): FollowOutcome {
	const published = publishedVersion();
	if (published === null || published === followed) return 'unchanged';
	followed = published;
	if (published === liveContent()?.id) return 'unchanged';
	const result = reloadContent({ announce: false });
	if (result.ok) {
		console.info(`Kursinhalt: Fassung ${result.version.id} aus einem anderen Prozess übernommen.`);
		return 'reloaded';
	}
	const list = result.rejected.errors.map((error) => formatProblem(error)).join('\n');
	console.warn(`Kursinhalt eines anderen Prozesses nicht übernommen:\n${list}`);
	return 'rejected';
}

/**
 * Shares this process's publishes with the others and checks once a second for theirs. What is
 * recorded at the start was read from the folder at the start already, so it is taken as
 * followed.
 */
export function followPublishedVersions(everyMs = 1000): () => void {
	const stopRecording = onContentPublished((version) => recordPublishedVersion(version.id));
	followed = publishedVersion();
	const timer = setInterval(() => {
		try {
			followPublishedVersion();
		} catch (problem) {
			console.error('Kursinhalt: Abgleich mit anderen Prozessen fehlgeschlagen:', problem);
		}
	}, everyMs);
	timer.unref();
	return () => {
		clearInterval(timer);
		stopRecording();
	};
}
