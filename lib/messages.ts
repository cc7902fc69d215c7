// The one message protocol of Porthole, in both directions:
// - to the background (which owns the database), from the popup, details and
//   options pages and content scripts: `Request` / `Replies`;
// - to a tab's content script, from the popup and the background:
//   `ContentRequest` / `ContentReplies`.
// Every request is validated on receipt; every reply, in both directions, is
// the same typed envelope (`Reply`), never a thrown string or a bare value.
// Callers use one typed client per direction (`createClient`).
import * as v from 'valibot';
import { KnowledgeSchema } from './knowledge-schema.ts';
import type { DataMeta } from './db.ts';
import type { RangeSummary, SearchAnswer } from './repository.ts';
import { PROTOCOLS, type PortInfo, type UserNote, type UserRecord } from './types.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, type ImportProblem } from './import/limits.ts';
import type { IanaPreview, UserImportPreview } from './import/diff.ts';
import type { IanaImportInfo } from './import/apply.ts';
import type { ManagedPolicy } from './managed.ts';
import type { InstalledPack } from './packs/store.ts';
import { CONTAINER_ENGINES } from './publish-context.ts';
import { uiText, type UiText } from './ui-text.ts';
import type { PortMention } from './detect/types.ts';

const port = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535));
/** A file's text for an import, refused above the size limit before any parsing. */
const importText = v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, `the file is larger than ${MAX_IMPORT_MB} MB; nothing was changed`));
const fileName = v.optional(v.pipe(v.string(), v.maxLength(255)));
/**
 * A `detect` request's limits: a content script sends the text of many blocks
 * at once (one request per scan pass, not one per block) and splits a larger
 * pass into several requests, so no message carries more than this.
 */
export const DETECT_MAX_CHARS = 1_000_000;
export const DETECT_MAX_TEXTS = 20_000;
const detectTexts = v.pipe(
  v.array(v.string()),
  v.maxLength(DETECT_MAX_TEXTS),
  v.check((texts) => texts.reduce((sum, t) => sum + t.length, 0) <= DETECT_MAX_CHARS, `more than ${DETECT_MAX_CHARS} characters of text in one request`),
);
/** A frame's random key (FrameMentions.frame). */
const frameKey = v.pipe(v.string(), v.maxLength(40));

const address = v.pipe(v.string(), v.maxLength(64));
const portSpec = v.pipe(v.string(), v.regex(/^\d{1,5}(?:-\d{1,5})?$/));
/** Where a mention said its port listens (see ExposurePlace), carried to the details page. */
const PlaceSchema = v.strictObject({
  host: v.optional(address),
  publish: v.optional(
    v.strictObject({
      source: v.picklist(['run', 'compose', 'compose-long', 'ps']),
      engine: v.optional(v.picklist(CONTAINER_ENGINES)),
      side: v.picklist(['host', 'container']),
      hostIp: v.optional(address),
      hostSpec: portSpec,
      containerSpec: portSpec,
    }),
  ),
});

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
  /** The organisation's policy: its definitions, sites, and each entry skipped with why. */
  v.strictObject({ type: v.literal('managedPolicy') }),
  /** Installed packs; a pack is installed or updated through previewImport/applyImport. */
  v.strictObject({ type: v.literal('listPacks') }),
  v.strictObject({ type: v.literal('removePack'), name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)) }),
  v.strictObject({ type: v.literal('openDetails'), port, endPort: v.optional(port), protocol: v.optional(v.picklist(PROTOCOLS)), place: v.optional(PlaceSchema) }),
  // Imports (options page): notes and definitions as JSON or CSV, and a newer IANA registry CSV.
  v.strictObject({ type: v.literal('previewImport'), text: importText, fileName }),
  v.strictObject({ type: v.literal('applyImport'), text: importText, fileName }),
  v.strictObject({ type: v.literal('previewIanaImport'), text: importText, fileName }),
  v.strictObject({ type: v.literal('importIana'), text: importText, fileName }),
  v.strictObject({ type: v.literal('resetIana') }),
  /** The port mentions in each of `texts` (a content script's blocks of page text); the detector runs in the background, not in the page's frame. */
  v.strictObject({ type: v.literal('detect'), texts: detectTexts }),
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
  managedPolicy: ManagedPolicy;
  listPacks: InstalledPack[];
  /** How many ports were removed (0 when no such pack is installed). */
  removePack: number;
  openDetails: true;
  previewImport: ImportOutcome<UserImportPreview>;
  applyImport: ImportOutcome<UserImportPreview>;
  previewIanaImport: ImportOutcome<IanaPreview>;
  importIana: ImportOutcome<IanaPreview>;
  resetIana: boolean;
  /** One list per text, in the order sent: offsets into that text, ports, host and protocol. */
  detect: PortMention[][];
}

export type ErrorCode = 'invalid-request' | 'forbidden' | 'not-ready' | 'not-found' | 'internal';

export interface ReplyError {
  code: ErrorCode;
  /** For developers and logs (English). */
  message: string;
  /** What the user reads, where Porthole has words for it; views say it, else show `message`. */
  text?: UiText;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export class PortholeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly text?: UiText,
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
  return parsed.success ? { ok: true, request: parsed.output } : { ok: false, error: invalid(parsed.issues[0]) };
}

const FORBIDDEN: Reply<never> = { ok: false, error: { code: 'forbidden', message: 'Sender is not part of Porthole.' } };

/**
 * Runs the handler of a validated request and wraps its answer in the reply
 * envelope; nothing escapes as a throw. A handler that returns `undefined`
 * instead of a promise declines (another frame answers).
 */
function dispatch<Req extends { type: string }>(
  handlers: { [T in Req['type']]: (request: Extract<Req, { type: T }>) => Promise<unknown> | undefined },
  request: Req,
): Promise<Reply<unknown>> | undefined {
  let pending: Promise<unknown> | undefined;
  try {
    pending = (handlers[request.type as Req['type']] as (r: Req) => Promise<unknown> | undefined)(request);
  } catch (err) {
    return Promise.resolve(failure(err));
  }
  return pending?.then((value): Reply<unknown> => ({ ok: true, value }), failure);
}

function invalid(issue: v.BaseIssue<unknown> | undefined): ReplyError {
  const path = issue ? v.getDotPath(issue) : null;
  return { code: 'invalid-request', message: `Invalid request${path ? ` (${path})` : ''}: ${issue?.message ?? 'unknown shape'}` };
}

function failure(err: unknown): Reply<never> {
  if (err instanceof PortholeError) return { ok: false, error: { code: err.code, message: err.message, ...(err.text ? { text: err.text } : {}) } };
  return { ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } };
}

/** The background's side: validates, dispatches and wraps the reply. */
export async function handleMessage(handlers: Handlers, message: unknown, sender: SenderLike, ownId: string): Promise<Reply<unknown>> {
  if (!isTrustedSender(sender, ownId)) return FORBIDDEN;
  const checked = validateRequest(message);
  if (!checked.ok) return checked;
  return (await dispatch<Request>(handlers, checked.request))!;
}

/** Sends one message of a direction and resolves with whatever comes back (runtime.sendMessage, tabs.sendMessage, a fake in tests). */
export type Send<Req> = (message: Req) => Promise<unknown>;

/** Unwraps a reply envelope: its value, or a PortholeError saying what went wrong. */
export async function request<Req extends { type: string }, Rep>(send: Send<Req>, message: Req): Promise<Rep> {
  let reply: unknown;
  try {
    reply = await send(message);
  } catch (err) {
    // The worker was stopped, the extension reloaded, or no frame listens: say so, don't hang.
    const detail = err instanceof Error ? err.message : String(err);
    throw new PortholeError('not-ready', `Porthole is not answering there: ${detail}`, uiText('error.notAnswering', { detail }));
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new PortholeError('internal', 'Porthole got no reply.', uiText('error.noReply'));
  }
  const typed = reply as Reply<Rep>;
  if (!typed.ok) throw new PortholeError(typed.error.code, typed.error.message, typed.error.text);
  return typed.value;
}

/** A request's fields without its `type`: what a client method takes. */
type ArgsOf<R> = Omit<R, 'type'>;
type Method<R, Out> = {} extends ArgsOf<R> ? (args?: ArgsOf<R>) => Promise<Out> : (args: ArgsOf<R>) => Promise<Out>;

/** One typed method per request type: `client.lookup({ port: 22 })` resolves with `Replies['lookup']`. */
export type Client<Req extends { type: string }, Rep extends { [T in Req['type']]: unknown }> = {
  [T in Req['type']]: Method<Extract<Req, { type: T }>, Rep[T]>;
};

/** Porthole's typed client to the background; every surface uses it (utils/port-api.ts binds it). */
export type PortApi = Client<Request, Replies>;
/** The typed client to one tab's content script (utils/content-script.ts binds it). */
export type ContentApi = Client<ContentRequest, ContentReplies>;

/**
 * Builds a client from a `send` function. A Proxy makes the methods from the
 * request types alone, so a content-script bundle that uses the client does
 * not carry the validation schemas with it.
 */
export function createClient<Req extends { type: string }, Rep extends { [T in Req['type']]: unknown }>(send: Send<Req>): Client<Req, Rep> {
  return new Proxy({} as Client<Req, Rep>, {
    get: (_target, type) => (typeof type === 'string' ? (args?: object) => request(send, { ...args, type } as unknown as Req) : undefined),
  });
}

/** Picks methods off a client into a plain object (to combine with a view's other callbacks). */
export function pick<C extends object, K extends keyof C>(client: C, ...keys: K[]): Pick<C, K> {
  return Object.fromEntries(keys.map((k) => [k, client[k]])) as Pick<C, K>;
}

// ---------------------------------------------------------------------------
// Requests to a tab's content script (from the popup or the background).
// Sent with tabs.sendMessage; the content script validates them the same way
// and answers in the same envelope (`handleContentMessage`).

export const ContentRequestSchema = v.variant('type', [
  /** Every mention the content script found in the page, grouped by port. */
  v.strictObject({ type: v.literal('pageMentions') }),
  /** Scroll to the first mention of `port` (and range end) and open its card: in the frame with that key (FrameMentions.frame), else in the top frame. */
  v.strictObject({ type: v.literal('revealMention'), port, endPort: v.optional(port), frame: v.optional(frameKey) }),
  /** Explain the ports in a selection, in a card at the selection (context menu). */
  v.strictObject({ type: v.literal('explainSelection'), text: v.pipe(v.string(), v.maxLength(100_000)) }),
  /** Explain a link's port, in a card where the menu was opened (context menu): the port it names, else the one its scheme implies, said plainly. */
  v.strictObject({ type: v.literal('explainLink'), url: v.pipe(v.string(), v.maxLength(8192)) }),
  /** Explain the port at the caret or selection in the focused frame (keyboard shortcut). */
  v.strictObject({ type: v.literal('explainAtCaret') }),
  /** Move the keyboard focus ring to the next or previous mention in the page and announce it (shortcuts). */
  v.strictObject({ type: v.literal('moveMention'), direction: v.picklist(['next', 'previous']) }),
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

/** One frame's mentions: its answer to `pageMentions` and what it posts on `PAGE_MENTIONS_PORT`. */
export interface FrameMentions {
  url: string;
  title: string;
  groups: PageMentionGroup[];
  total: number;
  /** The frame's own random key, to reveal a mention in it later. */
  frame: string;
  /** Where the frame is: its index among its parent's frames, from the top frame down ([] for the top frame). */
  path: number[];
  /** How many frames it holds itself: the popup knows when every frame has answered. */
  childFrames: number;
}

/**
 * What a frame posts on `PAGE_MENTIONS_PORT`, each in the reply envelope:
 * at once that it is reading (so the popup waits for a frame that first has
 * to load its scanner part), then its mentions.
 */
export type FrameAnswer = { frame: string; reading: true } | FrameMentions;

/**
 * "Ports on this page" from every frame: the popup connects a port of this
 * name to the tab (`tabs.connect` without a frame reaches every frame), and
 * each frame's content script posts its `FrameAnswer`s on it.
 */
export const PAGE_MENTIONS_PORT = 'porthole:page-mentions';

export interface ContentReplies {
  pageMentions: FrameMentions;
  revealMention: boolean;
  /** False when the selection holds no port (the card then says so). */
  explainSelection: boolean;
  /** False when the link has no network port at all (`mailto:`). */
  explainLink: boolean;
  /** False when there is no port at the caret or in the selection. */
  explainAtCaret: boolean;
  /** False when the page has no mention to move to. */
  moveMention: boolean;
}

export type ContentHandlers = { [T in ContentRequestType]: (request: Extract<ContentRequest, { type: T }>) => Promise<ContentReplies[T]> | undefined };

/**
 * The content script's side: validates, dispatches and wraps the reply. A
 * handler returning `undefined` leaves the request to another frame (only the
 * focused frame answers the shortcut), and so does a message that is not a
 * content request at all.
 */
export function handleContentMessage(handlers: ContentHandlers, message: unknown, sender: SenderLike, ownId: string): Promise<Reply<unknown>> | undefined {
  const parsed = v.safeParse(ContentRequestSchema, message);
  if (!parsed.success) return undefined;
  if (!isTrustedSender(sender, ownId)) return Promise.resolve(FORBIDDEN);
  return dispatch<ContentRequest>(handlers, parsed.output);
}
