/**
 * Where the server is in the LSP lifecycle, and the answer a request gets outside "running":
 * before `initialize`, error -32002 (ServerNotInitialized); after `shutdown`, -32600
 * (InvalidRequest). The protocol asks for both; answering `null` instead tells a client that
 * sent a request too early that there was simply nothing to say.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

export type Phase = 'starting' | 'running' | 'shutDown';

export class Lifecycle {
  phase: Phase = 'starting';

  /** Throws the protocol's error for a request that arrives outside the running phase. */
  assertServing(method: string): void {
    if (this.phase === 'starting') {
      throw new ResponseError(ErrorCodes.ServerNotInitialized, `Claim Check has not been initialised: ${method} arrived before initialize.`);
    }
    if (this.phase === 'shutDown') {
      throw new ResponseError(ErrorCodes.InvalidRequest, `Claim Check is shutting down: ${method} arrived after shutdown.`);
    }
  }
}
