export { createConsoleChannel, type ConsoleChannel, type ConsoleOptions } from './channel.js';
export { parseScriptLine, toInbound } from './inbound.js';
export { formatReply } from './outbound.js';
