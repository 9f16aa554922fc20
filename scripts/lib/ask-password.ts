import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/**
 * Asks for a password. On a terminal the typed characters are not shown (readline's echo goes to
 * a muted output); piped input is read as its first line, as before.
 */
export async function askPassword(
	prompt: string,
	input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
	output: NodeJS.WritableStream = process.stdout
): Promise<string> {
	if (!input.isTTY) {
		const lines = createInterface({ input, output });
		const answer = await lines.question(prompt);
		lines.close();
		return answer;
	}
	output.write(prompt);
	const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
	const terminal = createInterface({ input, output: muted, terminal: true });
	// Raw mode turns Ctrl+C into a readline event; without this it would not end the command.
	terminal.on('SIGINT', () => {
		output.write('\n');
		process.exit(130);
	});
	const answer = await terminal.question('');
	terminal.close();
	output.write('\n');
	return answer;
}
