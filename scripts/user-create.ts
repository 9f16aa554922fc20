// `npm run user:create -- --role admin --email a@b.de --name "Vorname Name" [--password …]`
// Creates an account directly, e.g. the first administrator. Without --password (or the
// USER_PASSWORD variable) the password is asked for on the terminal.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { checkPasswordPolicy } from '../src/lib/server/auth/password';
import { createUser, emailExists } from '../src/lib/server/auth/users';
import { roles, type Role } from '../src/lib/server/db/schema';

const problems = {
	too_short: 'Das Passwort muss mindestens 10 Zeichen lang sein.',
	too_long: 'Das Passwort darf höchstens 128 Zeichen lang sein.',
	too_common: 'Dieses Passwort ist zu verbreitet. Bitte ein anderes wählen.',
	contains_email: 'Das Passwort darf die E-Mail-Adresse nicht enthalten.'
};

function fail(message: string): never {
	console.error(`Fehler: ${message}`);
	process.exit(1);
}

const { values } = parseArgs({
	options: {
		role: { type: 'string', default: 'learner' },
		email: { type: 'string' },
		name: { type: 'string' },
		password: { type: 'string' }
	}
});

if (!roles.includes(values.role as Role)) fail(`--role muss eine von ${roles.join(', ')} sein.`);
if (!values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
	fail('Bitte eine gültige E-Mail-Adresse mit --email angeben.');
}
if (!values.name?.trim()) fail('Bitte einen Namen mit --name angeben.');
if (emailExists(values.email)) fail(`Es gibt bereits ein Konto mit ${values.email}.`);

let password = values.password ?? process.env.USER_PASSWORD;
if (!password) {
	const terminal = createInterface({ input: process.stdin, output: process.stdout });
	password = await terminal.question('Passwort (mindestens 10 Zeichen): ');
	terminal.close();
}
const problem = checkPasswordPolicy(password, values.email);
if (problem) fail(problems[problem]);

const user = await createUser({
	email: values.email,
	name: values.name!,
	password,
	role: values.role as Role
});
console.log(`Konto erstellt: ${user.email} (${user.role})`);
