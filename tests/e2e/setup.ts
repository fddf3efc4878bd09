// Global set-up of the e2e project: builds the game once and serves it for every browser test file
// (provided to them as `previewUrl`), then stops the server and removes the build.
import type { TestProject } from 'vitest/node';
import { buildAndPreview, chromiumPath } from './server';

export default async function setup(project: TestProject): Promise<() => void> {
  chromiumPath(); // no Chromium: fail at once, saying how to install it, before building anything
  const preview = await buildAndPreview();
  project.provide('previewUrl', preview.url);
  project.provide('previewDir', preview.dir ?? '');
  return () => preview.stop();
}
