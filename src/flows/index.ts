export * from './schema.js';
export {
  loadFlows,
  parseFlow,
  flowSetOf,
  flowJsonSchema,
  type FlowCheckOptions,
  type LoadedFlows,
} from './loader.js';
export type { FlowSet, StepEnv, WordMatcher } from './context.js';
