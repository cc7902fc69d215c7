// One schema for port knowledge written by people: the curated files in
// data/curated/ and the user's own definitions (imports, options page).
// Valibot gives both the check and the type.
import * as v from 'valibot';
import { COMMONNESS_TIERS, PROTOCOLS, RISK_LEVELS } from './types.ts';

const portNumber = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535));
const line = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** CVE ids, Microsoft bulletins/advisories, CERT/CISA ids, vendor advisories. */
export const VULN_ID = /^(CVE-\d{4}-\d{4,7}|MS\d{2}-\d{3}|ADV\d{6}|VU#\d{3,8}|ICSA-\d{2}-\d{3}-\d{2}|[A-Z][A-Za-z0-9]*-SA-\d{4}-\d+)$/;
/** A reference is an https URL or an identifier such as `RFC 5321`. */
export const REFERENCE = /^(https:\/\/[^\s]+|RFC \d{1,5}|CVE-\d{4}-\d{4,7}|MS\d{2}-\d{3}|IEEE [0-9.A-Za-z-]+|ITU-T [A-Z]\.[0-9.]+)$/;

export const PortUseSchema = v.strictObject({
  name: line(80),
  primary: v.optional(v.boolean()),
  note: v.optional(line(200)),
});

export const SecuritySchema = v.strictObject({
  risk: v.picklist(RISK_LEVELS),
  advice: line(600),
  vulnerabilities: v.optional(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(VULN_ID, 'must be a CVE, MS bulletin or advisory id')),
        note: line(300),
      }),
    ),
  ),
  malware: v.optional(v.array(line(60))),
});

/** Fields of a knowledge entry, without its port. */
export const KnowledgeSchema = v.strictObject({
  port: portNumber,
  endPort: v.optional(portNumber),
  protocols: v.pipe(v.array(v.picklist(PROTOCOLS)), v.minLength(1)),
  title: line(80),
  summary: line(240),
  details: v.optional(line(2000)),
  uses: v.array(PortUseSchema),
  security: v.optional(SecuritySchema),
  related: v.optional(v.array(portNumber)),
  commonness: v.optional(v.picklist(COMMONNESS_TIERS)),
  references: v.optional(v.array(v.pipe(v.string(), v.regex(REFERENCE, 'must be an https URL or an identifier like "RFC 5321"')))),
  keywords: v.optional(v.array(line(40))),
});

export type KnowledgeEntry = v.InferOutput<typeof KnowledgeSchema>;

/** One file of data/curated/: a family of ports (databases, windows, …). */
export const CuratedFileSchema = v.strictObject({
  family: line(60),
  ports: v.array(KnowledgeSchema),
});

export type CuratedFile = v.InferOutput<typeof CuratedFileSchema>;
