// Shapes of the alumni networks shared by the server and the pages.

/** How a person in the directory may be reached, if they chose to say. */
export type DirectoryContact =
	| { kind: 'platform'; value: null }
	| { kind: 'email'; value: string }
	| { kind: 'phone'; value: string };

/** One person in a network's directory: only the fields they opted in to show. */
export interface DirectoryEntry {
	id: string;
	/** null: the name is not shown. */
	name: string | null;
	organisation: string | null;
	languages: string[];
	topics: string[];
	contact: DirectoryContact | null;
}
