import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import {
	closeStudioFolder,
	COURSE,
	MODULE,
	openStudioFolder,
	studioPerson
} from '$test/unit/studio-folder';
import { openCourse } from '.';
import { listDrafts } from './drafts';
import { uploadMedia } from './media';

// An upload never replaces a file silently: a name that is taken (in the live course or in the
// author's draft, also after the name is made a file name) gets a number, and the answer says so.

let dir = '';
let author: SessionUser;

const png = (marker: number) =>
	Buffer.concat([
		Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
			'base64'
		),
		Buffer.from([marker])
	]);

function upload(name: string, bytes: Buffer) {
	const course = openCourse(author, COURSE);
	if (typeof course === 'string') throw new Error(course);
	const form = new FormData();
	form.set('modul', MODULE);
	form.set('alt', 'Wartebereich im Bürgeramt');
	form.set('datei', new File([new Uint8Array(bytes)], name));
	return uploadMedia(
		author.id,
		course.ws,
		new Request('http://x/', { method: 'POST', body: form })
	);
}

const draftOf = (relative: string) =>
	listDrafts(author.id, COURSE).find(
		(draft) => draft.path === `courses/${COURSE}/${MODULE}/${relative}`
	)?.content;

beforeAll(async () => {
	dir = await openStudioFolder();
	author = await studioPerson('Bildredaktion', 'admin');
});

afterAll(() => closeStudioFolder(dir));

describe('uploading a file whose name is taken', () => {
	it('keeps the published file and gives the new one a numbered name', async () => {
		// The fixture module shows bilder/amt.png in a lesson.
		expect(await upload('Amt.png', png(1))).toMatchObject({
			ok: true,
			relative: 'bilder/amt-2.png',
			markdown: '![Wartebereich im Bürgeramt](bilder/amt-2.png)',
			taken: 'bilder/amt.png'
		});
		expect(draftOf('bilder/amt.png')).toBeUndefined();
		expect(draftOf('bilder/amt-2.png')).toEqual(png(1));
	});

	it('keeps an uploaded draft too, also when another name makes the same file name', async () => {
		expect(await upload('Über Ämter ß.png', png(2))).toMatchObject({
			relative: 'bilder/ueber-aemter-ss.png'
		});
		expect(await upload('ueber-aemter-ss.png', png(3))).toMatchObject({
			relative: 'bilder/ueber-aemter-ss-2.png',
			taken: 'bilder/ueber-aemter-ss.png'
		});
		expect(await upload('UEBER aemter SS.png', png(4))).toMatchObject({
			relative: 'bilder/ueber-aemter-ss-3.png'
		});
		expect(draftOf('bilder/ueber-aemter-ss.png')).toEqual(png(2));
		expect(draftOf('bilder/ueber-aemter-ss-2.png')).toEqual(png(3));
	});

	it('counts a name as taken whatever its case, as some disks do', async () => {
		writeFileSync(join(dir, 'courses', COURSE, MODULE, 'bilder', 'Stadtplan.PNG'), png(5));
		const uploaded = await upload('stadtplan.png', png(6));
		expect(uploaded).toMatchObject({ relative: 'bilder/stadtplan-2.png' });
	});

	it('says nothing about names when the name was free', async () => {
		const uploaded = await upload('Neuer Plan.png', png(7));
		expect(uploaded).toEqual({
			ok: true,
			relative: 'bilder/neuer-plan.png',
			markdown: '![Wartebereich im Bürgeramt](bilder/neuer-plan.png)'
		});
	});
});
