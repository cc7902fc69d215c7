// What the options views need from the extension; main.tsx binds it to the
// background (through `ask`) and to extension storage. Views never touch data directly.
import type { KnowledgeEntry } from '@/lib/knowledge-schema';
import type { AboutInfo, ImportOutcome } from '@/lib/messages';
import type { IanaPreview, UserImportPreview } from '@/lib/import/diff';
import type { Settings } from '@/lib/settings';
import type { UserNote, UserRecord } from '@/lib/types';

export interface OptionsApi {
  listNotes: () => Promise<UserNote[]>;
  /** Empty text deletes the note. */
  setNote: (port: number, text: string) => Promise<UserNote | null>;
  listDefinitions: () => Promise<UserRecord[]>;
  putDefinition: (entry: KnowledgeEntry) => Promise<UserRecord>;
  deleteDefinition: (id: string) => Promise<boolean>;
  previewImport: (text: string, fileName: string) => Promise<ImportOutcome<UserImportPreview>>;
  applyImport: (text: string, fileName: string) => Promise<ImportOutcome<UserImportPreview>>;
  previewIanaImport: (text: string, fileName: string) => Promise<ImportOutcome<IanaPreview>>;
  importIana: (text: string, fileName: string) => Promise<ImportOutcome<IanaPreview>>;
  resetIana: () => Promise<boolean>;
  about: () => Promise<AboutInfo>;
  loadSettings: () => Promise<Settings>;
  saveSettings: (settings: Settings) => Promise<void>;
  /** Offers text as a file download. */
  download: (fileName: string, mime: string, text: string) => void;
  /** URL of the details page of a port, for links. */
  detailsHref: (port: number, endPort?: number) => string;
}
