/** The Store port is owned by the core (STYLE.md habit 1); implementations here conform to it. */
export * from '../core/store.js';
