import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTemporaryKeyDir } from '$test/unit/certificates';
import type { EventConfirmationSnapshot } from '$lib/events';
import { renderEventConfirmationPdf } from './pdf';

const snapshot: EventConfirmationSnapshot = {
	version: 1,
	type: 'event',
	number: 'V-2027-000004',
	code: 'ABCD-EFGH-JKMN-PQRS',
	participantName: 'Şebnem Łukasik',
	eventTitle: 'Vertiefungstreffen 2027',
	format: 'praesenz',
	place: 'Berlin',
	startsOn: '2027-06-12',
	endsOn: '2027-06-13',
	daysAttended: ['2027-06-12', '2027-06-13'],
	issuer: {
		name: 'Beispielträger e. V.',
		address: 'Beispielstraße 1, 10115 Berlin',
		place: 'Berlin',
		signatoryName: 'Maria Muster',
		signatoryRole: 'Projektleitung'
	},
	issuedOn: '2027-06-14'
};

describe('the Teilnahmebestätigung of an event as PDF', () => {
	it('names the person, the event, its days and its own number and code', async () => {
		useTemporaryKeyDir();
		const pdf = await renderEventConfirmationPdf(snapshot, {
			verifyUrl: 'https://lernplattform.example/verify/ABCD-EFGH-JKMN-PQRS',
			signature: 'c2lnbmF0dXI='
		});
		const path = join(mkdtempSync(join(tmpdir(), 'event-pdf-')), 'bestaetigung.pdf');
		writeFileSync(path, pdf);
		const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
		expect(text).toContain('Teilnahmebestätigung');
		expect(text).toContain('Şebnem Łukasik');
		expect(text).toContain('Vertiefungstreffen 2027');
		expect(text).toContain('vom 12. Juni 2027 bis 13. Juni 2027');
		expect(text).toContain('Anwesend an: 12. Juni 2027, 13. Juni 2027');
		// (pdftotext sometimes drops the "T" after "der " in the small footer font: not matched)
		expect(text).toMatch(/Nummer der T?eilnahmebestätigung: V-2027-000004/);
		expect(text).not.toContain('Zertifikatsnummer');
		expect(text).toContain('ABCD-EFGH-JKMN-PQRS');
	});
});
