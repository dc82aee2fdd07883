export { loadConfig } from './load.js';
export { configSchema, VARIABLES, type Config, type ConfigKey, type VariableDoc } from './schema.js';
