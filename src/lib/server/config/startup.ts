import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';

// Operator faults found at start (a read-only data folder, a missing key folder) end the server
// with one line that names the path and the fix, in German and English, instead of a stack.

/** A problem the operator must fix before the server can run; `message` is the whole story. */
export class StartupProblem extends Error {
	override name = 'StartupProblem';
}

/** The nearest existing folder at or above `path` (what decides whether it can be created). */
function nearestExisting(path: string): string {
	let current = path;
	while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
	return current;
}

function isWritable(path: string): boolean {
	try {
		accessSync(path, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * Explains why `folder` (named by `variable`) cannot be written, or returns null when it can.
 * A missing folder is fine if the nearest existing parent is writable (it will be created).
 */
export function unwritableFolderProblem(folder: string, variable: string): StartupProblem | null {
	const existing = nearestExisting(folder);
	if (isWritable(existing)) return null;
	return new StartupProblem(
		`Der Ordner ${existing} ist nicht beschreibbar (${variable}): Schreibrechte für den Server-Benutzer vergeben oder ${variable} auf einen beschreibbaren Ordner setzen. / ` +
			`The folder ${existing} is not writable (${variable}): give the server's user write access or point ${variable} to a writable folder.`
	);
}

/** Wraps a failure in `what` at `path` into a StartupProblem naming the path and the fix. */
export function startupProblem(
	what: { de: string; en: string },
	path: string,
	variable: string,
	cause: unknown
): StartupProblem {
	const folderProblem = unwritableFolderProblem(dirname(path), variable);
	if (folderProblem) return folderProblem;
	if (existsSync(path) && !isWritable(path)) {
		return new StartupProblem(
			`${what.de} ${path} ist schreibgeschützt (${variable}): Schreibrechte für den Server-Benutzer vergeben. / ` +
				`${what.en} ${path} is read-only (${variable}): give the server's user write access.`
		);
	}
	const reason = cause instanceof Error ? cause.message : String(cause);
	return new StartupProblem(
		`${what.de} ${path} kann nicht geöffnet werden (${variable}): ${reason}. / ${what.en} ${path} cannot be opened (${variable}): ${reason}.`
	);
}

/** At start: print a StartupProblem as its one line and exit; anything else is rethrown. */
export function exitOnStartupProblem(error: unknown): never {
	if (error instanceof StartupProblem) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
