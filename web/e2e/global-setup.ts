import type { TestProject } from 'vitest/node';

import { startServer, type Credentials } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    admin: Credentials;
    issuedCards: string[];
  }
}

/** Starts one server for all browser tests and stops it when the run ends. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('admin', server.admin);
  project.provide('issuedCards', server.issuedCards);
  return () => server.stop();
}
