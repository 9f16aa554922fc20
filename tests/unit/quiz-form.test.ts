import { describe, expect, it } from 'vitest';
import { fillAttemptForm } from '../support/quiz-form';

describe('fillAttemptForm', () => {
	it('sends the fields a browser without JavaScript sends, not those inside a <template>', () => {
		const page = `<form>
			<select id="feld-q1-1" name="q1-1"><option value="1">1</option><option value="2">2</option></select>
			<select id="feld-q1-2" name="q1-2"><option value="1">1</option><option value="2">2</option></select>
			<template><ol><li><input type="hidden" name="q1-1" value="1"></li>
			<li><input type="hidden" name="q1-2" value="2"></li></ol></template>
			<input type="text" name="q2-1">
		</form>`;
		expect([...fillAttemptForm(page)]).toEqual([
			['q2-1', 'antwort'],
			['q1-1', '1'],
			['q1-2', '2']
		]);
	});
});
