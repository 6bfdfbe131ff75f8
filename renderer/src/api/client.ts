import { ApiError, type Input, type MethodName, type Output } from '@shared/api';
import type { Transport } from '@shared/api/bridge';

export type Client = <M extends MethodName>(method: M, input?: Input<M>) => Promise<Output<M>>;

/** A typed client over one transport: resolves with the value, rejects with an ApiError. */
export function createClient(transport: Transport): Client {
  return async (method, input) => {
    const envelope = await transport(method, input ?? {});
    if (envelope.ok) return envelope.value as never;
    throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
  };
}

let client: Client | null = null;

/** Installs the client every store and screen calls: main.tsx the real transport's, a test its fake. */
export function setClient(next: Client): void {
  client = next;
}

/** Calls the installed client (see setClient). */
export const api: Client = (method, input) =>
  client ? client(method, input) : Promise.reject(new Error('No API client is installed: call setClient first (main.tsx does).'));
