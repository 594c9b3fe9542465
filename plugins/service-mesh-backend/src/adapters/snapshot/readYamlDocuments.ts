import { parseAllDocuments } from 'yaml';
import { SourceErrorReport } from '@meshlens/plugin-service-mesh-common';

/** A parsed document with the line it starts on. */
export interface YamlDocument {
  value: unknown;
  line: number;
}

/**
 * Parses multi-document YAML (JSON is YAML too). A document with a syntax error is reported
 * with the file path and line, and the other documents of the file are still returned.
 */
export function readYamlDocuments(
  text: string,
  source: string,
): { documents: YamlDocument[]; errors: SourceErrorReport[] } {
  const documents: YamlDocument[] = [];
  const errors: SourceErrorReport[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  for (const doc of parseAllDocuments(text)) {
    const line = lineOf(doc.range?.[0] ?? 0);
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const at = e.linePos?.[0]?.line ?? line;
      errors.push({ source, message: `line ${at}: ${e.message.split('\n')[0]}` });
      continue;
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) documents.push({ value, line });
  }
  return { documents, errors };
}
