import { ApiError, type Input, type MethodName, type Output } from '@shared/api';
import type { Transport } from '@shared/api/bridge';
import { pickTransport } from './transport';

export type Client = <M extends MethodName>(method: M, input?: Input<M>) => Promise<Output<M>>;

/** A typed client over one transport: resolves with the value, rejects with an ApiError. */
export function createClient(transport: Transport): Client {
  return async (method, input) => {
    const envelope = await transport(method, input ?? {});
    if (envelope.ok) return envelope.value as never;
    throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
  };
}

export const api: Client = createClient(pickTransport());
