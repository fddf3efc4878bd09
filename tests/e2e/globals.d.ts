import type { BackchannelApi } from '../../src/app/automation';

declare global {
  interface Window {
    backchannel: BackchannelApi;
  }
}
