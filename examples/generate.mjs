#!/usr/bin/env node
/**
 * Generates the Meshlens demo from the model in ./model (what the homelab runs) with the builders
 * in ./generator (how Kubernetes and Linkerd render it):
 *
 *   <out>/homelab/         the cluster before Linkerd ("not yet" evaluation)
 *   <out>/homelab-meshed/  the same cluster after adopting Linkerd edge-25.10.7 (2.19)
 *   <out>/org.yaml         the Backstage group and user owning every entity
 *
 * The output is a pure function of the model: no clock, no randomness, so running it twice gives
 * byte-identical files. It then reads every file back and prints what each snapshot holds.
 *
 * Usage: node examples/generate.mjs [out]   (default: this directory, examples/)
 * The homelab-meshed metrics come from examples/traffic/homelab-meshed.ts, run after this.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generator/generate.mjs';
import { summarize } from './generator/readBack.mjs';

const outDir = resolve(
  process.argv[2] ?? dirname(fileURLToPath(import.meta.url)),
);
generate(outDir);
summarize(outDir);
