/// <reference types="vite/client" />

declare module 'virtual:backchannel-scenarios' {
  const scenarios: { id: string; file: string; result: unknown }[];
  export default scenarios;
  /** The id of the scenario the title screen opens on (set in vite.config.ts). */
  export const defaultScenario: string;
}
