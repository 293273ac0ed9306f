export * from './npc-summary.ts';
