import { buildRenderer } from '../helpers/build-renderer';

/** The browser suite runs against the built renderer, as `npm run web` serves it. */
export default function setup(): void {
  buildRenderer();
}
