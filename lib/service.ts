// The background's answers to every request of the message protocol. The
// entrypoint supplies what needs the browser (opening tabs, the bundled data).
import type { ExposurePlace } from './exposure.ts';
import { findPortMentions } from './detect/index.ts';
import { dataMeta, openPortholeDB, populate, type PortholeDB } from './db.ts';
import { PortholeError, type Handlers } from './messages.ts';
import { PortRepository } from './repository.ts';
import { deleteUserRecord, listNotes, listUserRecords, putUserRecord, setNote } from './user-data.ts';
import type { PortDataset } from './types.ts';
import { uiText } from './ui-text.ts';
import { applyIanaImport, applyUserImport, ianaImportInfo, previewIanaImport, previewUserImport, resetIanaImport } from './import/apply.ts';
import { parseIanaCsv } from './import/iana-csv.ts';
import { parseUserImport } from './import/user-import.ts';
import { NO_POLICY, parseManagedPolicy, type ManagedPolicy } from './managed.ts';
import { packOfText } from './packs/pack.ts';
import { installPack, listPacks, previewPack, removePack } from './packs/store.ts';

export interface ServiceDeps {
  /** Version of the bundled dataset, cheap to read (data/version.json). */
  bundledVersion: () => Promise<string>;
  /** The whole bundled dataset (data/ports.json); read only when populating. */
  loadDataset: () => Promise<PortDataset>;
  openDetails: (port: number, endPort?: number, protocol?: string, place?: ExposurePlace) => Promise<void>;
  extensionVersion: string;
  dbName?: string;
  /** The organisation's policy as the browser gives it (storage.managed); absent or failing = none. */
  readManagedPolicy?: () => Promise<unknown>;
  /** Called after the user's notes or definitions changed here (browser sync follows). */
  userDataChanged?: () => void;
}

export interface PortholeService {
  handlers: Handlers;
  /** Opens the database and loads the bundled data if it is missing or older. */
  ready: () => Promise<{ db: PortholeDB; repo: PortRepository }>;
  /** Call when the browser reports a policy change: the next answers use the new policy. */
  managedChanged: () => void;
  /** Call after something else (browser sync) wrote notes or definitions. */
  userDataWritten: () => void;
}

export function createService(deps: ServiceDeps): PortholeService {
  let opening: Promise<{ db: PortholeDB; repo: PortRepository }> | undefined;
  let policy: Promise<ManagedPolicy> | undefined;

  // Read once per worker and on each change; Firefox rejects when no policy is installed.
  const managedPolicy = (): Promise<ManagedPolicy> => {
    policy ??= (deps.readManagedPolicy ?? (async () => undefined))().then(parseManagedPolicy, () => NO_POLICY);
    return policy;
  };

  async function open(): Promise<{ db: PortholeDB; repo: PortRepository }> {
    const db = await openPortholeDB(deps.dbName);
    const [meta, version] = await Promise.all([dataMeta(db), deps.bundledVersion()]);
    if (meta?.version !== version) await populate(db, await deps.loadDataset());
    return { db, repo: new PortRepository(db, async () => (await managedPolicy()).records) };
  }

  // Workers stop when idle: nothing here survives that but this lazy promise,
  // rebuilt on the next request. A failed open is retried next time.
  const ready = () => {
    opening ??= open().catch((err: unknown) => {
      opening = undefined;
      const detail = err instanceof Error ? err.message : String(err);
      throw new PortholeError('not-ready', `The port database could not be opened: ${detail}`, uiText('error.database', { detail }));
    });
    return opening;
  };

  const handlers: Handlers = {
    lookup: async ({ port, protocol }) => (await ready()).repo.lookup(port, protocol),
    lookupRange: async ({ port, endPort }) => {
      if (endPort < port) throw new PortholeError('invalid-request', 'A range must start with its lower port.', uiText('error.rangeReversed'));
      return (await ready()).repo.lookupRange(port, endPort);
    },
    search: async ({ query, limit }) => (await ready()).repo.search(query, limit),
    about: async () => {
      const meta = await dataMeta((await ready()).db);
      if (!meta) return { extensionVersion: deps.extensionVersion };
      const { key: _key, ...data } = meta;
      const ianaImport = await ianaImportInfo((await ready()).db);
      return { data, extensionVersion: deps.extensionVersion, ...(ianaImport ? { ianaImport } : {}) };
    },
    setNote: async ({ port, text }) => {
      const note = await setNote((await ready()).db, port, text);
      deps.userDataChanged?.();
      return note;
    },
    listNotes: async () => listNotes((await ready()).db),
    putUserRecord: async ({ entry }) => {
      const { db, repo } = await ready();
      const record = await putUserRecord(db, entry);
      repo.invalidate();
      deps.userDataChanged?.();
      return record;
    },
    deleteUserRecord: async ({ id }) => {
      const { db, repo } = await ready();
      const deleted = await deleteUserRecord(db, id);
      repo.invalidate();
      deps.userDataChanged?.();
      return deleted;
    },
    listUserRecords: async () => listUserRecords((await ready()).db),
    managedPolicy: () => managedPolicy(),
    listPacks: async () => listPacks((await ready()).db),
    removePack: async ({ name }) => {
      const { db, repo } = await ready();
      const removed = await removePack(db, name);
      repo.invalidate();
      return removed;
    },
    openDetails: async ({ port, endPort, protocol, place }) => {
      await deps.openDetails(port, endPort, protocol, place);
      return true;
    },
    // Imports parse first; only a file that checks out reaches the database,
    // and then in one transaction.
    previewImport: async ({ text, fileName }) => {
      const pack = packOfText(text);
      if (pack) {
        if (!pack.ok) return { valid: false, problems: pack.problems };
        const checked = await previewPack((await ready()).db, pack.pack);
        return checked.ok ? { valid: true, result: checked.preview } : { valid: false, problems: [{ text: checked.problem }] };
      }
      const parsed = parseUserImport(text, fileName);
      if (!parsed.ok) return { valid: false, problems: parsed.problems };
      return { valid: true, result: await previewUserImport((await ready()).db, parsed.data) };
    },
    applyImport: async ({ text, fileName }) => {
      const pack = packOfText(text);
      if (pack) {
        if (!pack.ok) return { valid: false, problems: pack.problems };
        const { db, repo } = await ready();
        const checked = await previewPack(db, pack.pack);
        if (!checked.ok) return { valid: false, problems: [{ text: checked.problem }] };
        await installPack(db, pack.pack);
        repo.invalidate();
        return { valid: true, result: checked.preview };
      }
      const parsed = parseUserImport(text, fileName);
      if (!parsed.ok) return { valid: false, problems: parsed.problems };
      const { db, repo } = await ready();
      const result = await applyUserImport(db, parsed.data);
      repo.invalidate();
      deps.userDataChanged?.();
      return { valid: true, result };
    },
    previewIanaImport: async ({ text, fileName }) => {
      const parsed = parseIanaCsv(text, fileName);
      if (!parsed.ok) return { valid: false, problems: parsed.problems };
      return { valid: true, result: await previewIanaImport((await ready()).db, parsed.data, fileName) };
    },
    importIana: async ({ text, fileName }) => {
      const parsed = parseIanaCsv(text, fileName);
      if (!parsed.ok) return { valid: false, problems: parsed.problems };
      const { db, repo } = await ready();
      const result = await applyIanaImport(db, parsed.data, fileName);
      repo.invalidate();
      return { valid: true, result };
    },
    resetIana: async () => {
      const { db, repo } = await ready();
      const reset = await resetIanaImport(db, await deps.loadDataset());
      repo.invalidate();
      return reset;
    },
    // A content script's page text: detected here so the detector stays out of every frame. Needs no database.
    detect: async ({ texts }) => texts.map((text) => findPortMentions(text)),
  };

  const managedChanged = () => {
    policy = undefined;
    void opening?.then(({ repo }) => repo.invalidate(), () => {});
  };

  const userDataWritten = () => void opening?.then(({ repo }) => repo.invalidate(), () => {});

  return { handlers, ready, managedChanged, userDataWritten };
}
