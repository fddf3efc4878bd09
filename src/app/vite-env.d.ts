/// <reference types="vite/client" />

declare module 'virtual:backchannel-scenarios' {
  const scenarios: { id: string; file: string; result: unknown }[];
  export default scenarios;
}
