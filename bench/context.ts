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

export { DEMO, LESSON_PATH, QUIZ_PATH } from '../tests/support/demo';
