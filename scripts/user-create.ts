// `npm run user:create -- --role admin --email a@b.de --name "Vorname Name" [--password …]`
// Creates an account directly, e.g. the first administrator. Without --password (or the
// USER_PASSWORD variable) the password is asked for on the terminal (not shown while typed) or
// read from the first line of piped input.
import { parseArgs } from 'node:util';
import { askPassword } from './lib/ask-password';
import { checkPasswordPolicy } from '../src/lib/server/auth/password';
import { passwordProblemMessages } from '../src/lib/server/auth/password-messages';
import { exitOnStartupProblem } from '../src/lib/server/config/startup';
import { createUser, emailExists } from '../src/lib/server/auth/users';
import { roles, type Role } from '../src/lib/server/db/schema';

/** A read-only data folder is reported as one line, as at server start. */
function existingAccount(email: string): boolean {
	try {
		return emailExists(email);
	} catch (error) {
		exitOnStartupProblem(error);
	}
}

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
if (existingAccount(values.email)) fail(`Es gibt bereits ein Konto mit ${values.email}.`);

const password =
	values.password ??
	process.env.USER_PASSWORD ??
	(await askPassword('Passwort (mindestens 10 Zeichen): '));
const problem = checkPasswordPolicy(password, { email: values.email, name: values.name });
if (problem) fail(passwordProblemMessages[problem]());

// Audited without an actor: whoever runs the command has no account (yet).
const user = await createUser(
	{ email: values.email, name: values.name!, password, role: values.role as Role },
	{ actorId: null, via: 'command_line' }
);
console.log(`Konto erstellt: ${user.email} (${user.role})`);
