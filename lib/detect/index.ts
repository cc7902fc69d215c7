// Port-mention detector: finds the network ports written in a piece of text.
// Pure TypeScript, no browser globals; see README.md in this folder.
export { findPortMentions } from './scan.ts';
export { RULE_IDS, type RuleId } from './rules.ts';
export { traceMentions, type TraceEntry } from './trace.ts';
export type { PortMention } from './types.ts';
