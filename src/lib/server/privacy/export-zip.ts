import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { recordAudit } from '../audit';
import { uploadDir } from '../config/paths';
import { collectPersonalData } from './export-data';
import { overviewHtml } from './overview-html';
import { readmeText } from './readme-text';

export interface DataExport {
	stream: ReadableStream<Uint8Array>;
	filename: string;
}

/**
 * The person's data as a ZIP, written while it is sent: files are read from UPLOAD_DIR one after
 * the other, so memory stays flat however large the uploads are. Logged as `data.exported`.
 * archiver loads with the first export, not when the server starts.
 */
export async function exportPersonalData(
	userId: string,
	actorId: string,
	now = new Date()
): Promise<DataExport | null> {
	const data = collectPersonalData(userId);
	if (!data) return null;
	// Before the audit entry: a log that says "exported" needs an archive that can be written.
	const { ZipArchive } = await import('archiver');
	recordAudit({
		actorId,
		action: 'data.exported',
		objectType: 'user',
		objectId: userId,
		subjectUserId: userId,
		details: { byAdmin: actorId !== userId, files: data.files.length }
	});
	const zip = new ZipArchive({ zlib: { level: 6 } });
	const output = new PassThrough();
	zip.on('warning', (warning) => console.warn('Datenexport:', warning.message));
	zip.on('error', (error) => output.destroy(error));
	zip.pipe(output);
	zip.append(readmeText(data.name, now), { name: 'LIESMICH.txt', date: now });
	zip.append(overviewHtml(data.name, data.json), { name: 'uebersicht.html', date: now });
	for (const [file, value] of Object.entries(data.json)) {
		zip.append(JSON.stringify(value, null, 2), { name: file, date: now });
	}
	for (const file of data.files) {
		// Opened only when archiver reaches it (not all at once); a missing file ends the export.
		const path = join(uploadDir(), file.storedName);
		const source = Readable.from(
			(async function* () {
				yield* createReadStream(path);
			})()
		);
		// Uploads (PDF, images, Office files) are compressed already: stored as they are.
		zip.append(source, { name: file.path, date: now, store: true });
	}
	void zip.finalize();
	const day = now.toISOString().slice(0, 10);
	return {
		stream: Readable.toWeb(output) as ReadableStream<Uint8Array>,
		// An admin's copy (e.g. for a request by letter) is named after the account, not "meine".
		filename: actorId === userId ? `meine-daten-${day}.zip` : `daten-${userId}-${day}.zip`
	};
}
