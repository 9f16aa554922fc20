import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { auditLog, mailOutbox } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { createUser } from '../auth/users';
import { getIssuerSettings, isIssuerReady } from '../certificates/settings';
import { barrierReportSchema, reportBarrier } from './barrier-report';
import {
	getOperatorSettings,
	operatorSchema,
	operatorSettingsVersion,
	saveOperatorSettings
} from './settings';

const operator = {
	name: 'Lotsenwerk Berlin e. V.',
	address: 'Musterstraße 1\n10115 Berlin',
	email: 'kontakt@lotsenwerk.example',
	phone: '',
	privacyContact: 'Datenschutzbeauftragte*r',
	privacyEmail: 'datenschutz@lotsenwerk.example',
	accessibilityEmail: ''
};
const report = { page: '/kurse', description: 'Kein Untertitel.', email: '' };
const outbox = () => getDb().select().from(mailOutbox).all();
const makeAdmin = (email = 'admin@example.org') =>
	createUser({ email, name: email, password: 'Fahrrad Kanal Brücke', role: 'admin' });

beforeEach(() => {
	useFreshDatabase();
	process.env.ORIGIN = 'https://lernen.example.org';
});

describe('operator settings', () => {
	it('are absent until an admin saves them; saving is audited', async () => {
		const admin = await makeAdmin();
		expect(getOperatorSettings()).toBeNull();
		saveOperatorSettings(admin.id, operator);
		expect(getOperatorSettings()).toEqual(operator);
		expect(getDb().select().from(auditLog).all()[0]).toMatchObject({
			action: 'settings.changed',
			objectId: 'operator'
		});
	});

	it('name the certificates’ issuer until one is entered; before, nothing is issued', async () => {
		const admin = await makeAdmin();
		expect(isIssuerReady()).toBe(false);
		expect(getIssuerSettings().name).toBe('');
		saveOperatorSettings(admin.id, operator);
		expect(isIssuerReady()).toBe(true);
		expect(getIssuerSettings()).toMatchObject({ name: operator.name, address: operator.address });
	});

	it('have a version that changes with every saved change, and only then', async () => {
		const admin = await makeAdmin();
		const none = operatorSettingsVersion();
		saveOperatorSettings(admin.id, operator);
		const saved = operatorSettingsVersion();
		expect(saved).not.toBe(none);
		saveOperatorSettings(admin.id, operator);
		expect(operatorSettingsVersion()).toBe(saved);
		saveOperatorSettings(admin.id, { ...operator, phone: '030 123' });
		expect(operatorSettingsVersion()).not.toBe(saved);
	});

	it('require name, address and a valid e-mail address', () => {
		const result = operatorSchema().safeParse({ ...operator, name: ' ', email: 'kein-at' });
		expect(result.success).toBe(false);
		const fields = result.error!.issues.map((issue) => issue.path[0]);
		expect(fields).toEqual(['name', 'email']);
	});
});

describe('a reported barrier', () => {
	it('goes to the accessibility contact, else the operator address', async () => {
		const admin = await makeAdmin();
		saveOperatorSettings(admin.id, operator);
		expect(reportBarrier(report)).toBe(1);
		saveOperatorSettings(admin.id, { ...operator, accessibilityEmail: 'barrieren@example.org' });
		reportBarrier({ ...report, email: 'melder@example.org' });
		const mails = outbox();
		expect(mails.map((mail) => mail.toAddress)).toEqual([
			'kontakt@lotsenwerk.example',
			'barrieren@example.org'
		]);
		expect(mails[1]!.kind).toBe('barrier_report');
		expect(mails[1]!.textBody).toContain('Kein Untertitel.');
		expect(mails[1]!.textBody).toContain('melder@example.org');
	});

	it('reaches every active admin while no operator is set', async () => {
		for (const email of ['a1@example.org', 'a2@example.org']) await makeAdmin(email);
		expect(reportBarrier(report)).toBe(2);
		expect(
			outbox()
				.map((mail) => mail.toAddress)
				.sort()
		).toEqual(['a1@example.org', 'a2@example.org']);
	});

	it('needs a description; page and reply address are optional', () => {
		expect(barrierReportSchema().safeParse({ description: '  ' }).success).toBe(false);
		expect(barrierReportSchema().safeParse({ description: 'x', email: 'falsch' }).success).toBe(
			false
		);
		expect(barrierReportSchema().parse({ description: ' Text ' })).toEqual({
			page: '',
			description: 'Text',
			email: ''
		});
	});
});
