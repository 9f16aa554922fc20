import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { answerBadFormsWith400, isFormBody } from './form-body';

const post = (contentType: string | null, body = 'a=1') =>
	new Request('http://localhost/anmelden', {
		method: 'POST',
		headers: contentType ? { 'content-type': contentType } : {},
		// an untyped Blob, so fetch adds no content type of its own
		body: new Blob([body])
	});

describe('form bodies', () => {
	it.each([
		['application/x-www-form-urlencoded', true],
		['multipart/form-data; boundary=----abc', true],
		['multipart/form-data; boundary="a b"', true],
		['text/plain;charset=UTF-8', true],
		['multipart/form-data', false],
		['multipart/form-data; boundary=', false],
		[`multipart/form-data; boundary=${'x'.repeat(71)}`, false],
		['application/json', false],
		[null, false]
	])('%s is a form body: %s', (type, expected) => {
		expect(isFormBody(post(type))).toBe(expected);
	});

	it('answers a multipart body it cannot parse with a 400 carrying the message', async () => {
		const request = post('multipart/form-data; boundary=abc', 'garbage without parts');
		answerBadFormsWith400(request, () => 'Das Formular kam beschädigt an.');
		const thrown = await request.formData().catch((error: unknown) => error);
		expect(isHttpError(thrown)).toBe(true);
		expect(thrown).toMatchObject({
			status: 400,
			body: { detail: 'Das Formular kam beschädigt an.' }
		});
	});

	it('leaves a well-formed body alone', async () => {
		const request = post('application/x-www-form-urlencoded', 'email=a%40b.de');
		answerBadFormsWith400(request, () => 'x');
		expect((await request.formData()).get('email')).toBe('a@b.de');
	});

	it('hands every action its text fields without control characters', async () => {
		const request = post(
			'application/x-www-form-urlencoded',
			'name=Selin%01%07+Y%C4%B1ld%C4%B1z&text=a%0D%0Ab%00'
		);
		answerBadFormsWith400(request, () => 'x');
		const form = await request.formData();
		expect(form.get('name')).toBe('Selin Yıldız');
		expect(form.get('text')).toBe('a\r\nb');
	});
});
