import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit } from '../audit';
import { uploadDir } from '../config/paths';
import { getDb } from '../db';
import { discussionAttachments, submissionFiles } from '../db/schema';

/** A file this young may belong to an upload whose database row is being written right now. */
const GRACE_MS = 60 * 60 * 1000;

export interface OrphanReport {
	orphans: { name: string; size: number }[];
	removed: boolean;
}

/**
 * Files in UPLOAD_DIR that no submission or Austausch post refers to (left behind by a crash between writing the
 * file and the row, or by deletions before this check existed). `remove` deletes them and logs it.
 */
export async function findOrphanUploads(
	options: { remove?: boolean; now?: Date } = {}
): Promise<OrphanReport> {
	const now = options.now ?? new Date();
	let names: string[];
	try {
		names = await readdir(uploadDir());
	} catch {
		return { orphans: [], removed: false };
	}
	const db = getDb();
	const known = new Set(
		[
			...db.select({ storedName: submissionFiles.storedName }).from(submissionFiles).all(),
			...db
				.select({ storedName: discussionAttachments.storedName })
				.from(discussionAttachments)
				.all()
		].map((row) => row.storedName)
	);
	const orphans: OrphanReport['orphans'] = [];
	for (const name of names) {
		if (known.has(name)) continue;
		const info = await stat(join(uploadDir(), name));
		if (!info.isFile() || now.getTime() - info.mtimeMs < GRACE_MS) continue;
		orphans.push({ name, size: info.size });
	}
	if (!options.remove || orphans.length === 0) return { orphans, removed: false };
	await Promise.all(orphans.map(({ name }) => rm(join(uploadDir(), name), { force: true })));
	recordAudit({
		actorId: null,
		action: 'uploads.orphans_removed',
		objectType: 'uploads',
		details: { files: orphans.length, bytes: orphans.reduce((sum, file) => sum + file.size, 0) }
	});
	return { orphans, removed: true };
}
