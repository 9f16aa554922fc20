/** Page data of the course pages: plain, serialisable and safe for the browser. */
import type { CertificateKind, ItemType, UnlockMode } from './types';

export interface Counts {
	done: number;
	total: number;
}

export interface ItemLink {
	id: string;
	title: string;
	type: ItemType;
	url: string;
}

export interface ItemRow extends ItemLink {
	minutes: number | null;
	/** null when the viewer has no progress (trainers, not enrolled). */
	done: boolean | null;
	/** Added to the course after the learner had finished the rest of its module. */
	isNew: boolean;
}

/** Why a learner cannot open a module yet; null when it is open. */
export type ModuleLock =
	| { reason: 'not_enrolled'; courseUrl: string }
	| {
			reason: 'previous_incomplete';
			previous: { title: string; url: string };
			missing: ItemLink[];
	  };

/** Course access for the viewer: staff read everything, learners need an enrolment. */
export type Enrolment = 'staff' | 'enrolled' | 'open' | 'closed';

export interface CourseCard {
	id: string;
	title: string;
	summary: string;
	url: string;
	moduleCount: number;
	hours: number | null;
	certificateKind: CertificateKind | null;
	enrolled: boolean;
	progress: (Counts & { percent: number }) | null;
}

export interface ModuleRow {
	id: string;
	title: string;
	summary: string | null;
	hours: number | null;
	objectives: string[];
	url: string;
	items: ItemRow[];
	progress: Counts | null;
	lock: ModuleLock | null;
	/** The in-person days of the learner's cohort for this module (null: self-paced or not set). */
	schedule: ModuleSchedule | null;
}

export interface ModuleSchedule {
	startsOn: string;
	endsOn: string | null;
	place: string | null;
}

export interface CourseView {
	id: string;
	title: string;
	summary: string;
	url: string;
	unlock: UnlockMode;
	hours: number | null;
	certificateKind: CertificateKind | null;
	enrolment: Enrolment;
	progress: (Counts & { percent: number; isComplete: boolean }) | null;
	/** Where an enrolled learner continues: the first open item not yet done. */
	resume: ItemLink | null;
	modules: ModuleRow[];
}

export interface ModuleView {
	course: { id: string; title: string; url: string };
	module: ModuleRow;
	enrolment: Enrolment;
}
