// The one message protocol between Porthole's contexts and the background,
// which owns the database. Every request is validated on receipt; every reply
// is a typed envelope, never a thrown string.
import * as v from 'valibot';
import { KnowledgeSchema } from './knowledge-schema.ts';
import type { DataMeta } from './db.ts';
import type { RangeSummary, SearchAnswer } from './repository.ts';
import { PROTOCOLS, type PortInfo, type UserNote, type UserRecord } from './types.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, type ImportProblem } from './import/limits.ts';
import type { IanaPreview, UserImportPreview } from './import/diff.ts';
import type { IanaImportInfo } from './import/apply.ts';

const port = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535));
/** A file's text for an import, refused above the size limit before any parsing. */
const importText = v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, `the file is larger than ${MAX_IMPORT_MB} MB; nothing was changed`));
const fileName = v.optional(v.pipe(v.string(), v.maxLength(255)));

/** Requests, each with its schema; the reply types follow in `Replies`. */
export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('lookup'), port, protocol: v.optional(v.picklist(PROTOCOLS)) }),
  v.strictObject({ type: v.literal('lookupRange'), port, endPort: port }),
  v.strictObject({ type: v.literal('search'), query: v.pipe(v.string(), v.maxLength(200)), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))) }),
  v.strictObject({ type: v.literal('about') }),
  v.strictObject({ type: v.literal('setNote'), port, text: v.pipe(v.string(), v.maxLength(5000)) }),
  v.strictObject({ type: v.literal('listNotes') }),
  v.strictObject({ type: v.literal('putUserRecord'), entry: KnowledgeSchema }),
  v.strictObject({ type: v.literal('deleteUserRecord'), id: v.pipe(v.string(), v.startsWith('user:'), v.maxLength(40)) }),
  v.strictObject({ type: v.literal('listUserRecords') }),
  v.strictObject({ type: v.literal('openDetails'), port, endPort: v.optional(port), protocol: v.optional(v.picklist(PROTOCOLS)) }),
  // Imports (options page): notes and definitions as JSON or CSV, and a newer IANA registry CSV.
  v.strictObject({ type: v.literal('previewImport'), text: importText, fileName }),
  v.strictObject({ type: v.literal('applyImport'), text: importText, fileName }),
  v.strictObject({ type: v.literal('previewIanaImport'), text: importText, fileName }),
  v.strictObject({ type: v.literal('importIana'), text: importText, fileName }),
  v.strictObject({ type: v.literal('resetIana') }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface AboutInfo {
  data?: Omit<DataMeta, 'key'>;
  extensionVersion: string;
  /** An IANA registry CSV the user imported, in use instead of the bundled registry. */
  ianaImport?: IanaImportInfo;
}

/** An import either checks out (with what it changes or changed) or lists its problems; nothing is written then. */
export type ImportOutcome<T> = { valid: true; result: T } | { valid: false; problems: ImportProblem[] };

export interface Replies {
  lookup: PortInfo;
  lookupRange: RangeSummary;
  search: SearchAnswer;
  about: AboutInfo;
  setNote: UserNote | null;
  listNotes: UserNote[];
  putUserRecord: UserRecord;
  deleteUserRecord: boolean;
  listUserRecords: UserRecord[];
  openDetails: true;
  previewImport: ImportOutcome<UserImportPreview>;
  applyImport: ImportOutcome<UserImportPreview>;
  previewIanaImport: ImportOutcome<IanaPreview>;
  importIana: ImportOutcome<IanaPreview>;
  resetIana: boolean;
}

export type ErrorCode = 'invalid-request' | 'forbidden' | 'not-ready' | 'not-found' | 'internal';

export interface ReplyError {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export class PortholeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PortholeError';
  }
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>) => Promise<Replies[T]> };

/** The parts of a runtime.MessageSender the check needs. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
}

/**
 * Only Porthole's own pages and content scripts may talk to the background.
 * Messages from web pages cannot arrive (no externally_connectable), but a
 * sender with another extension id is refused all the same.
 */
export function isTrustedSender(sender: SenderLike, ownId: string): boolean {
  return sender.id === ownId;
}

export function validateRequest(message: unknown): { ok: true; request: Request } | { ok: false; error: ReplyError } {
  const parsed = v.safeParse(RequestSchema, message);
  if (parsed.success) return { ok: true, request: parsed.output };
  const issue = parsed.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return {
    ok: false,
    error: { code: 'invalid-request', message: `Invalid request${path ? ` (${path})` : ''}: ${issue?.message ?? 'unknown shape'}` },
  };
}

/** Validates, dispatches and wraps the reply; nothing escapes as a throw. */
export async function handleMessage(handlers: Handlers, message: unknown, sender: SenderLike, ownId: string): Promise<Reply<unknown>> {
  if (!isTrustedSender(sender, ownId)) return { ok: false, error: { code: 'forbidden', message: 'Sender is not part of Porthole.' } };
  const checked = validateRequest(message);
  if (!checked.ok) return checked;
  const { request } = checked;
  try {
    const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (err) {
    if (err instanceof PortholeError) return { ok: false, error: { code: err.code, message: err.message } };
    return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
  }
}

/** The caller's side: `send` is runtime.sendMessage in the extension, a fake in tests. */
export type Send = (message: Request) => Promise<unknown>;

export async function request<T extends RequestType>(send: Send, message: RequestOf<T>): Promise<Replies[T]> {
  let reply: unknown;
  try {
    reply = await send(message);
  } catch (err) {
    // The worker was stopped or the extension reloaded: say so, don't hang.
    throw new PortholeError('not-ready', `Porthole's background is not answering: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new PortholeError('internal', 'Porthole got no reply from its background.');
  }
  const typed = reply as Reply<Replies[T]>;
  if (!typed.ok) throw new PortholeError(typed.error.code, typed.error.message);
  return typed.value;
}

// ---------------------------------------------------------------------------
// Requests to a tab's content script (from the popup or the background).
// Sent with tabs.sendMessage; the content script validates them the same way.

export const ContentRequestSchema = v.variant('type', [
  /** Every mention the content script found in the page, grouped by port. */
  v.strictObject({ type: v.literal('pageMentions') }),
  /** Scroll to the first mention of `port` (and range end) and open its card. */
  v.strictObject({ type: v.literal('revealMention'), port, endPort: v.optional(port) }),
  /** Explain the ports in a selection, in a card at the selection (context menu). */
  v.strictObject({ type: v.literal('explainSelection'), text: v.pipe(v.string(), v.maxLength(100_000)) }),
  /** Explain the port at the caret or selection in the focused frame (keyboard shortcut). */
  v.strictObject({ type: v.literal('explainAtCaret') }),
]);

export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;
export type ContentRequestType = ContentRequest['type'];

export interface PageMentionGroup {
  port: number;
  endPort?: number;
  protocols: string[];
  count: number;
  /** A short piece of page text around the first occurrence (plain text). */
  sample: string;
}

export interface ContentReplies {
  pageMentions: { url: string; title: string; groups: PageMentionGroup[]; total: number };
  revealMention: boolean;
  /** False when the selection holds no port (the card then says so). */
  explainSelection: boolean;
  /** False when there is no port at the caret or in the selection. */
  explainAtCaret: boolean;
}
