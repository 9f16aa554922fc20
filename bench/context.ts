import { availableParallelism } from 'node:os';

export interface BenchContext {
	port: number;
	/** Duration of each load run. */
	seconds: number;
	cores: number;
}

export const createContext = (): BenchContext => ({
	port: Number(process.env.BENCH_PORT ?? 4400),
	seconds: Number(process.env.BENCH_SECONDS ?? 10),
	cores: availableParallelism()
});

export { DEMO } from '../tests/support/demo';

/** A long lesson with an image, in the first (always open) module of the shipped IKBO course. */
export const LESSON_PATH = '/kurse/interkulturelle-oeffnung/rolle-und-auftrag/idee-und-rolle';

/** A quiz in a shipped course whose modules are all open. */
export const QUIZ_PATH = '/quiz/digitale-kompetenzen/informationen-und-daten/wissenscheck';
