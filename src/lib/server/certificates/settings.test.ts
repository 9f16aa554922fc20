import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import {
	checkIssuerImage,
	defaultIssuer,
	getIssuerImage,
	getIssuerSettings,
	IMAGE_MAX_BYTES,
	isIssuerConfigured,
	issuerSchema,
	removeIssuerImage,
	saveIssuerImage,
	saveIssuerSettings
} from './settings';

useFreshDatabase();

function png(width = 8, height = 8): Buffer {
	const image = new PNG({ width, height });
	image.data.fill(120);
	return PNG.sync.write(image);
}

/** The smallest JFIF header file-type recognises, but not a decodable JPEG. */
const brokenJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

describe('issuer settings', () => {
	it('fall back to defaults until an admin saves them', () => {
		expect(isIssuerConfigured()).toBe(false);
		expect(getIssuerSettings()).toEqual(defaultIssuer);
		const issuer = {
			name: 'Träger e. V.',
			address: 'Musterstraße 1',
			place: 'Berlin',
			signatoryName: 'Maria Muster',
			signatoryRole: 'Leitung'
		};
		saveIssuerSettings(issuer);
		expect(isIssuerConfigured()).toBe(true);
		expect(getIssuerSettings()).toEqual(issuer);
	});

	it('require name and place and limit lengths', () => {
		const result = issuerSchema().safeParse({ name: ' ', place: 'x'.repeat(101) });
		expect(result.success).toBe(false);
		const fields = result.error!.issues.map((issue) => issue.path[0]);
		expect(fields).toEqual(expect.arrayContaining(['name', 'place']));
		expect(issuerSchema().parse({ name: ' Träger ', place: 'Berlin' })).toMatchObject({
			name: 'Träger',
			address: ''
		});
	});
});

describe('issuer images', () => {
	it('accept PNG judged by content and store it', async () => {
		const check = await checkIssuerImage(png());
		expect(check).toMatchObject({ ok: true, image: { mimeType: 'image/png' } });
		if (!check.ok) return;
		saveIssuerImage('logo', check.image);
		expect(getIssuerImage('logo')?.data.equals(check.image.data)).toBe(true);
		removeIssuerImage('logo');
		expect(getIssuerImage('logo')).toBeNull();
	});

	it('refuse other types, whatever the file is called', async () => {
		const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary');
		expect(await checkIssuerImage(gif)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/PNG oder JPEG/)
		});
		expect(
			await checkIssuerImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))
		).toMatchObject({
			ok: false
		});
		expect(await checkIssuerImage(Buffer.from('%PDF-1.4'))).toMatchObject({ ok: false });
	});

	it('refuse images over 1 MB and images the PDF library cannot read', async () => {
		const big = Buffer.concat([png(), Buffer.alloc(IMAGE_MAX_BYTES)]);
		expect(await checkIssuerImage(big)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/1 MB/)
		});
		expect(await checkIssuerImage(brokenJpeg)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/kann nicht gelesen werden/)
		});
	});
});
