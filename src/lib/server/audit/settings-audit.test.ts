import { beforeEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '$test/unit/test-database';
import { getDb } from '../db';
import { auditLog } from '../db/schema';
import { defaultIssuer, saveIssuerChanges } from '../certificates/settings';
import { saveOperatorSettings } from '../operator/settings';

const lastDetails = () => getDb().select().from(auditLog).all().at(-1)?.details;
const operator = {
	name: 'Träger e. V.',
	address: 'Hauptstraße 1, 10827 Berlin',
	email: 'info@traeger.example',
	phone: '',
	privacyContact: '',
	privacyEmail: '',
	accessibilityEmail: ''
};

beforeEach(() => {
	useFreshDatabase();
});

describe('settings.changed names what changed', () => {
	it('records the issuer name with old and new value and the new logo in one save', () => {
		saveIssuerChanges('admin-1', { ...defaultIssuer, name: 'Träger e. V.' }, {});
		saveIssuerChanges(
			'admin-1',
			{ ...defaultIssuer, name: 'Neuer Träger gGmbH' },
			{ logo: { mimeType: 'image/png', data: Buffer.from('png') } }
		);
		expect(lastDetails()).toEqual({
			changed: ['name', 'logo'],
			values: { name: { from: 'Träger e. V.', to: 'Neuer Träger gGmbH' } }
		});
	});

	it('records which operator details changed', () => {
		saveOperatorSettings('admin-1', operator);
		saveOperatorSettings('admin-1', {
			...operator,
			email: 'kontakt@traeger.example',
			address: 'Nebenstraße 2, 10827 Berlin'
		});
		expect(lastDetails()).toEqual({
			changed: ['address', 'email'],
			values: {
				address: { from: 'Hauptstraße 1, 10827 Berlin', to: 'Nebenstraße 2, 10827 Berlin' },
				email: { from: 'info@traeger.example', to: 'kontakt@traeger.example' }
			}
		});
	});
});
