import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askPassword } from './ask-password';

function streams(isTTY: boolean) {
	const input = Object.assign(new PassThrough(), { isTTY });
	// A terminal on both sides, as `npm run user:create` typed at a prompt: readline echoes itself.
	const output = Object.assign(new PassThrough(), { isTTY });
	let shown = '';
	output.on('data', (chunk) => (shown += String(chunk)));
	return { input, output, shown: () => shown };
}

describe('the password prompt of user:create', () => {
	it('does not show the typed password on a terminal', async () => {
		const { input, output, shown } = streams(true);
		const answer = askPassword('Passwort: ', input, output);
		input.write('Sonnenblume Fahrrad Brücke\r');
		expect(await answer).toBe('Sonnenblume Fahrrad Brücke');
		expect(shown()).toContain('Passwort: ');
		expect(shown()).not.toContain('Sonnenblume');
	});

	it('reads piped input as its first line', async () => {
		const { input, output } = streams(false);
		const answer = askPassword('Passwort: ', input, output);
		input.end('Sonnenblume Fahrrad Brücke\nRest\n');
		expect(await answer).toBe('Sonnenblume Fahrrad Brücke');
	});
});
