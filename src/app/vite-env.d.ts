/// <reference types="vite/client" />

declare module 'virtual:backchannel-scenarios' {
  const scenarios: { id: string; file: string; result: unknown }[];
  export default scenarios;
  /** The id of the scenario the title screen opens on (set in vite.config.ts). */
  export const defaultScenario: string;
}

declare module 'virtual:backchannel-scenario-texts' {
  /** The bundled scenarios in their other languages: `{ [id]: { [language]: scenario } }` (loaded on demand). */
  const texts: Record<string, Record<string, unknown>>;
  export default texts;
}
