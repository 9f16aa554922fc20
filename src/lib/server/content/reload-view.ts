import { recordAudit } from '../audit';
import { contentDir } from '../config/paths';
import { currentContent, lastRejectedReload, reloadContent } from './live';
import type { ContentProblem } from './problems';

/** Who reloads: written to the audit log. */
type Actor = { id: string };

// The admin page "Kursinhalte": which version is live, the last rejected reload, and the
// reload itself.

export interface ContentStatus {
	folder: string;
	live: {
		id: string;
		loadedAt: string;
		courses: number;
		modules: number;
		items: number;
		warnings: ContentProblem[];
	};
	rejected: {
		at: string;
		errors: ContentProblem[];
		warnings: ContentProblem[];
		atStart: boolean;
		/** Live since the start: a commit of the folder's history, because the files had errors. */
		startedFrom: { commit: string; message: string; date: string } | null;
	} | null;
}

export function contentStatus(): ContentStatus {
	const version = currentContent();
	const rejected = lastRejectedReload();
	return {
		folder: contentDir(),
		live: {
			id: version.id,
			loadedAt: version.loadedAt.toISOString(),
			courses: version.index.courses.length,
			modules: version.index.moduleById.size,
			items: version.index.itemById.size,
			warnings: [...version.warnings]
		},
		rejected: rejected && {
			at: rejected.at.toISOString(),
			errors: rejected.errors,
			warnings: rejected.warnings,
			atStart: rejected.atStart === true,
			startedFrom: rejected.startedFrom
				? { ...rejected.startedFrom, date: rejected.startedFrom.date.toISOString() }
				: null
		}
	};
}

export type ReloadOutcome =
	| { ok: true; version: string; changed: boolean }
	| { ok: false; errorCount: number };

/** Reloads CONTENT_DIR for an admin; a published version is recorded in the audit log. */
export function reloadContentAs(user: Actor, ip: string | null): ReloadOutcome {
	const result = reloadContent();
	if (!result.ok) return { ok: false, errorCount: result.rejected.errors.length };
	const changed = result.previous?.id !== result.version.id;
	if (changed) {
		recordAudit({
			actorId: user.id,
			action: 'content.reloaded',
			objectType: 'content',
			objectId: result.version.id,
			ip,
			details: { previous: result.previous?.id ?? null }
		});
	}
	return { ok: true, version: result.version.id, changed };
}
