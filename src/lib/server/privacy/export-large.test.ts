import { eq } from 'drizzle-orm';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { expect, it } from 'vitest';
import { getDb, schema } from '../db';
import { useFreshDatabase } from '$test/unit/test-database';
import { exportPersonalData } from './export-zip';
import { arrangePersonWithData, useFreshFolders } from '$test/unit/test-person';

const MIB = 1024 * 1024;

it('streams an export with 100 MB of uploads without holding it in memory', async () => {
	useFreshDatabase();
	const folders = useFreshFolders();
	const { person, storedName } = await arrangePersonWithData(folders);
	// Ten uploads of 10 MB each (the largest a submission file may be).
	const chunk = Buffer.alloc(MIB, 7);
	const names: string[] = [];
	for (let index = 0; index < 10; index += 1) {
		const name = `${storedName.slice(0, 31)}${'abcdefghij'[index]}`;
		const out = createWriteStream(join(folders.uploads, name));
		for (let mb = 0; mb < 10; mb += 1) out.write(chunk);
		out.end();
		await finished(out);
		names.push(name);
	}
	const submission = getDb()
		.select({ id: schema.submissions.id })
		.from(schema.submissions)
		.where(eq(schema.submissions.userId, person.id))
		.get()!;
	for (const [index, name] of names.entries()) {
		getDb()
			.insert(schema.submissionFiles)
			.values({
				id: `groß-${index}`,
				submissionId: submission.id,
				storedName: name,
				originalName: `scan-${index}.pdf`,
				mimeType: 'application/pdf',
				size: 10 * MIB,
				uploadedAt: new Date()
			})
			.run();
	}

	global.gc?.();
	const before = process.memoryUsage().rss;
	let peak = before;
	let bytes = 0;
	const reader = (await exportPersonalData(person.id, person.id))!.stream.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		peak = Math.max(peak, process.memoryUsage().rss);
	}
	expect(bytes).toBeGreaterThan(100 * MIB);
	// Far below the 100 MB that building the ZIP in memory would take.
	expect(peak - before).toBeLessThan(60 * MIB);
}, 60_000);
